using System.Text.Json;

namespace AiWorkload.Training.Learning;

/// <summary>
/// Maps <see cref="TrainedModel"/> to and from its versioned JSON document. System.Text.Json writes doubles in
/// their shortest round-trippable form, so a reloaded model predicts bit-for-bit like the original.
/// </summary>
internal static class TrainedModelJson
{
    public const int FormatVersion = 1;

    public static byte[] Serialize(TrainedModel model) =>
        JsonSerializer.SerializeToUtf8Bytes(ToDocument(model), ModelJsonContext.Default.ModelDocument);

    public static void Serialize(TrainedModel model, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        JsonSerializer.Serialize(stream, ToDocument(model), ModelJsonContext.Default.ModelDocument);
    }

    public static TrainedModel Deserialize(ReadOnlySpan<byte> json)
    {
        try
        {
            return FromDocument(JsonSerializer.Deserialize(json, ModelJsonContext.Default.ModelDocument));
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"The model artifact is not valid JSON for format version {FormatVersion}: {e.Message}", e);
        }
    }

    public static TrainedModel Deserialize(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        try
        {
            return FromDocument(JsonSerializer.Deserialize(stream, ModelJsonContext.Default.ModelDocument));
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"The model artifact is not valid JSON for format version {FormatVersion}: {e.Message}", e);
        }
    }

    private static ModelDocument ToDocument(TrainedModel model) => new(
        FormatVersion,
        model.Task.ToWireName(),
        model.TrainerName,
        [.. model.FeatureNames],
        model.LabelName,
        [.. model.ClassLabels],
        [.. model.Standardizer.Means],
        [.. model.Standardizer.Scales],
        [.. model.Weights.Select(w => w.ToArray())],
        [.. model.Bias]);

    private static TrainedModel FromDocument(ModelDocument? document)
    {
        if (document is null)
        {
            throw new InvalidDataException("The model artifact is empty (JSON null).");
        }

        if (document.FormatVersion != FormatVersion)
        {
            throw new InvalidDataException($"The model artifact has format version {document.FormatVersion}; this build reads version {FormatVersion}.");
        }

        if (!ModelTaskText.TryParse(document.Task, out var task))
        {
            throw new InvalidDataException($"The model artifact has unknown task '{document.Task}'.");
        }

        try
        {
            return new TrainedModel(
                task,
                document.TrainerName,
                document.FeatureNames,
                document.LabelName,
                document.ClassLabels,
                new Standardizer(document.Means, document.Scales),
                document.Weights,
                document.Bias);
        }
        catch (ArgumentException e)
        {
            throw new InvalidDataException($"The model artifact is inconsistent: {e.Message}", e);
        }
    }
}
