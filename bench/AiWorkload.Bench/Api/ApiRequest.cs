using System.Net.Http.Headers;

namespace AiWorkload.Bench.Api;

/// <summary>
/// A POST the load generator repeats: the same bytes and headers go to the product and to the ceiling, so both parse
/// requests of the same size; <paramref name="ExpectedStatus"/> is what counts as success.
/// </summary>
internal sealed record ApiRequest(Uri Uri, byte[] Body, string ContentType, int ExpectedStatus, IReadOnlyDictionary<string, string> Headers)
{
    public HttpRequestMessage ToMessage()
    {
        var message = new HttpRequestMessage(HttpMethod.Post, Uri) { Content = new ByteArrayContent(Body) };
        message.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(ContentType);
        foreach (var (name, value) in Headers)
        {
            message.Headers.TryAddWithoutValidation(name, value);
        }

        return message;
    }
}
