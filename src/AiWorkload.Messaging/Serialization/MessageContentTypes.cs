namespace AiWorkload.Messaging.Serialization;

public static class MessageContentTypes
{
    public const string Json = "application/json";

    /// <summary>A missing content type is accepted as JSON: senders outside this code base often leave it out.</summary>
    public static bool IsJson(string? contentType) =>
        contentType is null ||
        contentType.StartsWith(Json, StringComparison.OrdinalIgnoreCase) &&
        (contentType.Length == Json.Length || contentType[Json.Length] is ';' or ' ');
}
