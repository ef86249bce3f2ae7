using System.Text.Json;

namespace AiWorkload.Training.Learning;

/// <summary>Reads the metrics JSON an external program writes; see EXTERNAL_TRAINER.md for the keys.</summary>
internal static class ExternalMetricsFile
{
    public const string EpochsKey = "epochs";

    /// <exception cref="InvalidDataException">The file is missing or breaks the contract.</exception>
    public static (ModelMetrics Metrics, int Epochs) Read(string path, ModelTask task, int validationRows)
    {
        if (!File.Exists(path))
        {
            throw new InvalidDataException("the program exited with code 0 but wrote no metrics file ($AIW_METRICS).");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(File.ReadAllBytes(path));
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"the metrics file is not valid JSON: {e.Message}", e);
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new InvalidDataException($"the metrics file must hold a JSON object, not {document.RootElement.ValueKind}.");
            }

            var values = new Dictionary<string, double>(StringComparer.Ordinal);
            var epochs = 0;
            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (property.Name == EpochsKey)
                {
                    epochs = property.Value.ValueKind == JsonValueKind.Number && property.Value.TryGetInt32(out var e) && e >= 0
                        ? e
                        : throw new InvalidDataException($"'{EpochsKey}' must be a non-negative integer, not {property.Value.GetRawText()}.");
                }
                else if (MetricNames.For(task).Contains(property.Name, StringComparer.Ordinal))
                {
                    values[property.Name] = ReadMetric(property);
                }
            }

            var primary = task == ModelTask.Classification ? MetricNames.Accuracy : MetricNames.Rmse;
            if (!values.ContainsKey(primary))
            {
                throw new InvalidDataException($"the metrics file lacks '{primary}', which {task.ToWireName()} requires.");
            }

            return (ModelMetrics.FromValues(task, values, validationRows), epochs);
        }
    }

    private static double ReadMetric(JsonProperty property)
    {
        if (property.Value.ValueKind != JsonValueKind.Number || !property.Value.TryGetDouble(out var value) || !double.IsFinite(value))
        {
            throw new InvalidDataException($"metric '{property.Name}' must be a finite number, not {property.Value.GetRawText()}.");
        }

        var valid = property.Name switch
        {
            MetricNames.Accuracy or MetricNames.F1 or MetricNames.RocAuc => value is >= 0 and <= 1,
            MetricNames.LogLoss or MetricNames.Rmse or MetricNames.Mae => value >= 0,
            MetricNames.R2 => value <= 1,
            _ => true,
        };
        return valid ? value : throw new InvalidDataException($"metric '{property.Name}' has the impossible value {property.Value.GetRawText()}.");
    }
}
