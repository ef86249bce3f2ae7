using System.Text.Json;

namespace AiWorkload.Ingestion.Datasets;

/// <summary>
/// Strings of a parsed document, or null where an escape decodes to a lone surrogate ("\ud800"): the parser accepts
/// those, and reading them as .NET strings throws, which must be the client's 400, not the server's 500.
/// </summary>
internal static class JsonText
{
    public const string LoneSurrogate = "a string holds a lone surrogate escape (such as \\ud800), which is not valid Unicode text.";

    public static string? Name(JsonProperty property)
    {
        try
        {
            return property.Name;
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    public static string? Value(JsonElement value)
    {
        try
        {
            return value.GetString();
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }
}
