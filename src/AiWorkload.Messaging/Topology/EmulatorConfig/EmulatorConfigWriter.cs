using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace AiWorkload.Messaging.Topology.EmulatorConfig;

/// <summary>
/// Writes a <see cref="TopologyModel"/> as the official emulator's Config.json. Values outside the emulator's ranges are
/// clamped and reported in <see cref="EmulatorConfigDocument.Adjustments"/>; what cannot be clamped (over 50 entities,
/// a topic without subscriptions, names outside the schema's pattern) throws <see cref="TopologyException"/>.
/// </summary>
public static class EmulatorConfigWriter
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        NewLine = "\n",

        // A file for a container, not for a web page: keep SQL quotes and '<' readable instead of \u0027.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static EmulatorConfigDocument Write(TopologyModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        model.Validate();
        EmulatorShapeCheck.Check(model);
        var log = new AdjustmentLog();
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            WriteDocument(json, new EmulatorEntityWriter(json, log), model);
        }

        return new EmulatorConfigDocument(Encoding.UTF8.GetString(buffer.ToArray()) + "\n", log.Adjustments);
    }

    /// <summary>Writes the file (UTF-8, no BOM) and returns what was written, adjustments included.</summary>
    public static EmulatorConfigDocument WriteToFile(TopologyModel model, string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var document = Write(model);
        File.WriteAllText(path, document.Json);
        return document;
    }

    private static void WriteDocument(Utf8JsonWriter json, EmulatorEntityWriter entities, TopologyModel model)
    {
        json.WriteStartObject();
        json.WriteStartObject("UserConfig");
        json.WriteStartArray("Namespaces");
        json.WriteStartObject();
        json.WriteString("Name", EmulatorConfigDefaults.NamespaceName);
        json.WriteStartArray("Queues");
        foreach (var queue in model.Queues)
        {
            entities.WriteQueue(queue);
        }

        json.WriteEndArray();
        json.WriteStartArray("Topics");
        foreach (var topic in model.Topics)
        {
            entities.WriteTopic(topic);
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteStartObject("Logging");
        json.WriteString("Type", EmulatorConfigDefaults.LoggingType);
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndObject();
    }
}
