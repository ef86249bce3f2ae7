using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using AiWorkload.Messaging.Topology;

namespace AiWorkload.Messaging.Embedded.Storage;

/// <summary>Entity definitions as JSON in the entities table, so the topology survives restarts with every setting.</summary>
internal static class DefinitionSerializer
{
    private static readonly JsonSerializerOptions Options = CreateOptions();

    public static string Serialize<T>(T definition) => JsonSerializer.Serialize(definition, Options);

    public static T Deserialize<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, Options) ?? throw new InvalidDataException($"Stored definition is empty: {json}");

    private static JsonSerializerOptions CreateOptions()
    {
        var resolver = new DefaultJsonTypeInfoResolver();
        resolver.Modifiers.Add(info =>
        {
            if (info.Type == typeof(RuleFilterDefinition))
            {
                info.PolymorphismOptions = new JsonPolymorphismOptions
                {
                    TypeDiscriminatorPropertyName = "$kind",
                    DerivedTypes =
                    {
                        new JsonDerivedType(typeof(SqlFilterDefinition), "sql"),
                        new JsonDerivedType(typeof(CorrelationFilterDefinition), "correlation"),
                        new JsonDerivedType(typeof(TrueFilterDefinition), "true"),
                    },
                };
            }
        });
        var options = new JsonSerializerOptions { TypeInfoResolver = resolver };
        options.Converters.Add(new PrimitiveObjectConverter());
        return options;
    }

    /// <summary>Reads correlation filter values back as CLR primitives instead of JsonElement.</summary>
    private sealed class PrimitiveObjectConverter : JsonConverter<object>
    {
        public override object? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
        {
            JsonTokenType.String => reader.GetString(),
            JsonTokenType.True => true,
            JsonTokenType.False => false,
            JsonTokenType.Number when reader.TryGetInt64(out var integer) => integer,
            JsonTokenType.Number => reader.GetDouble(),
            JsonTokenType.Null => null,
            _ => throw new JsonException($"Unsupported value {reader.TokenType} in a stored definition."),
        };

        public override void Write(Utf8JsonWriter writer, object value, JsonSerializerOptions options) =>
            JsonSerializer.Serialize(writer, value, value.GetType(), options);
    }
}
