namespace AiWorkload.Fuzz.Tests;

/// <summary>A generated request, kept so a failure can be told and replayed: the operation, the URL and what was hostile.</summary>
public sealed record FuzzRequest(int Index, ApiOperation Operation, string Method, string Url, string BodyKind, string? ContentType, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    public HttpRequestMessage ToMessage()
    {
        var message = new HttpRequestMessage(new HttpMethod(Method), new Uri(Url, UriKind.Relative));
        if (Body.Length > 0 || ContentType is not null)
        {
            message.Content = new ByteArrayContent(Body);
            message.Content.Headers.Remove("Content-Type");
            if (ContentType is not null)
            {
                message.Content.Headers.TryAddWithoutValidation("Content-Type", ContentType);
            }
        }

        foreach (var (name, value) in Headers)
        {
            message.Headers.TryAddWithoutValidation(name, value);
        }

        return message;
    }

    public override string ToString() =>
        $"#{Index} {Method} {(Url.Length > 200 ? Url[..200] + "…" : Url)} (operation {Operation}, body {BodyKind} {Body.Length} B, Content-Type {ContentType ?? "none"}, headers [{string.Join(", ", Headers.Select(h => $"{h.Key}: {(h.Value.Length > 40 ? h.Value[..40] + "…" : h.Value)}"))}])";
}
