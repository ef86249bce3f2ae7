using System.Text.Json;
using System.Text.Json.Serialization;

namespace AiWorkload.Training.Inference;

/// <summary>
/// Reads <see cref="PredictRequest.Features"/> as one JsonDocument whose elements the dictionary shares. The default
/// converter parses a separate JsonDocument (three allocations) for every value, on every predict request.
/// Semantics are the default's: a JSON object, a later duplicate name replaces an earlier one, anything else is a JsonException.
/// </summary>
internal sealed class FeaturesJsonConverter : JsonConverter<IReadOnlyDictionary<string, JsonElement>>
{
    public override IReadOnlyDictionary<string, JsonElement> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"Expected an object of feature names to numbers, not {reader.TokenType}.");
        }

        var features = JsonElement.ParseValue(ref reader);
        var values = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var property in features.EnumerateObject())
        {
            values[property.Name] = property.Value;
        }

        return values;
    }

    public override void Write(Utf8JsonWriter writer, IReadOnlyDictionary<string, JsonElement> value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStartObject();
        foreach (var (name, element) in value)
        {
            writer.WritePropertyName(name);
            element.WriteTo(writer);
        }

        writer.WriteEndObject();
    }
}
