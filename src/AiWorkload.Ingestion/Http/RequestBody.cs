using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace AiWorkload.Ingestion.Http;

/// <summary>The body of a request, read whole but never beyond the configured limit, whether or not Content-Length is sent.</summary>
internal sealed record RequestBody(BodyFormat Format, string? ContentType, byte[] Bytes)
{
    public bool IsEmpty => Bytes.Length == 0;

    /// <summary>Returns the body, or a 413 problem when it exceeds <paramref name="limit"/> bytes.</summary>
    public static async Task<(RequestBody? Body, IResult? Problem)> ReadAsync(HttpRequest request, long limit, CancellationToken cancellationToken)
    {
        if (request.ContentLength > limit)
        {
            return (null, Problems.TooLarge(limit));
        }

        // Kestrel then stops a chunked body at the limit too, instead of buffering whatever the client sends.
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            feature.MaxRequestBodySize = limit;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[64 * 1024];
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (buffer.Length + read > limit)
                {
                    return (null, Problems.TooLarge(limit));
                }

                buffer.Write(chunk, 0, read);
            }
        }
        catch (BadHttpRequestException error) when (error.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, Problems.TooLarge(limit));
        }

        return (new RequestBody(MediaTypes.Classify(request.ContentType), request.ContentType, buffer.ToArray()), null);
    }
}
