using System.Text.Json;

namespace AiWorkload.Messaging.Topology.EmulatorConfig;

/// <summary>
/// Reads the official Azure Service Bus emulator's Config.json into a <see cref="TopologyModel"/>, so a topology written
/// for the emulator runs unchanged on the embedded engine. Missing properties take the emulator's defaults; the result
/// is then checked against the service's rules, not the emulator's narrower limits.
/// </summary>
public static class EmulatorConfigReader
{
    private static readonly JsonDocumentOptions Options = new()
    {
        // The official example carries // comments, so every hand-edited file may too.
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    private static readonly string[] RootKeys = ["UserConfig", "$schema"];
    private static readonly string[] UserConfigKeys = ["Namespaces", "Logging"];
    private static readonly string[] NamespaceKeys = ["Name", "Queues", "Topics"];
    private static readonly string[] LoggingKeys = ["Type"];

    /// <summary>Reads the file at <paramref name="path"/>; errors are located by its file name.</summary>
    public static TopologyModel Read(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using var stream = File.OpenRead(path);
        return Read(stream, Path.GetFileName(path));
    }

    /// <summary>Reads <paramref name="json"/>; <paramref name="sourceName"/> starts every error location.</summary>
    public static TopologyModel Read(Stream json, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentException.ThrowIfNullOrEmpty(sourceName);
        using var document = Parse(json, sourceName);
        var paths = new EntityPathMap(sourceName);
        var model = Map(ConfigObject.Open(document.RootElement, sourceName, JsonPath.Root, RootKeys), paths);
        try
        {
            return model.Validate();
        }
        catch (TopologyException ex)
        {
            throw paths.Relocate(ex);
        }
    }

    private static JsonDocument Parse(Stream json, string sourceName)
    {
        try
        {
            return JsonDocument.Parse(json, Options);
        }
        catch (JsonException ex)
        {
            // JsonDocument does not track paths, so line and position are the location; they count from 0, editors from 1.
            var at = $"{sourceName} (line {ex.LineNumber + 1}, position {ex.BytePositionInLine + 1})";
            throw new TopologyException(at, $"invalid JSON: {WithoutPosition(ex.Message)}");
        }
    }

    /// <summary>The message repeats path, line and position, which the location already gives.</summary>
    private static string WithoutPosition(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        if (cut < 0)
        {
            cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        }

        return cut < 0 ? message : message[..cut].TrimEnd();
    }

    private static TopologyModel Map(ConfigObject root, EntityPathMap paths)
    {
        var userConfig = root.GetObject("UserConfig", UserConfigKeys, required: true);
        var namespaces = userConfig.GetArray("Namespaces", NamespaceKeys, required: true);
        ReadLogging(userConfig.GetObject("Logging", LoggingKeys, required: true));
        if (namespaces.Count != 1)
        {
            var at = namespaces.Count == 0 ? userConfig.PathOf("Namespaces") : namespaces[1].Path;
            throw userConfig.Error(at, $"expected exactly one namespace but found {namespaces.Count}");
        }

        // The emulator insists on the name "sbemulatorns"; it means nothing to the model, so any name is accepted.
        var ns = namespaces[0];
        ns.GetString("Name", required: true);
        var entities = new EmulatorEntityReader(paths);
        return new TopologyModel(entities.ReadQueues(ns), entities.ReadTopics(ns));
    }

    private static void ReadLogging(ConfigObject logging)
    {
        var type = logging.GetString("Type", required: true)!;
        if (!EmulatorConfigDefaults.LoggingTypes.Contains(type))
        {
            var allowed = string.Join(", ", EmulatorConfigDefaults.LoggingTypes.Select(t => $"'{t}'"));
            throw logging.Error(logging.PathOf("Type"), $"'{type}' is not a logging type; expected one of {allowed}");
        }
    }
}
