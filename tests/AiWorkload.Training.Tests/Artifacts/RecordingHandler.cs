using System.Net;

namespace AiWorkload.Training.Tests.Artifacts;

/// <summary>Stands in for the Blob service: records each request and answers that the blob does not exist.</summary>
internal sealed class RecordingHandler : HttpMessageHandler
{
    public List<(Uri Uri, string? Authorization)> Requests { get; } = [];

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Requests.Add((request.RequestUri!, request.Headers.Authorization?.ToString()));
        var response = new HttpResponseMessage(HttpStatusCode.NotFound) { RequestMessage = request };
        response.Headers.Add("x-ms-error-code", "BlobNotFound");
        return Task.FromResult(response);
    }
}
