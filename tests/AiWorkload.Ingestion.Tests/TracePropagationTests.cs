using System.Diagnostics;

namespace AiWorkload.Ingestion.Tests;

/// <summary>The outbox decouples the request from the send; the trace must still run from HTTP onto the bus.</summary>
public sealed class TracePropagationTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task The_trace_of_the_HTTP_request_continues_on_the_message_published_from_the_outbox(bool recordWorkloadSpans)
    {
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Microsoft.AspNetCore" || (recordWorkloadSpans && source.Name.StartsWith("AiWorkload", StringComparison.Ordinal)),
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(listener);
        using var directory = new TemporaryDirectory();
        await using var app = await IngestionApp.StartAsync(directory);
        using var client = app.Client();
        var traceId = ActivityTraceId.CreateRandom();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/models", UriKind.Relative)) { Content = Requests.Json(Requests.ChurnModel) };
        request.Headers.Add("traceparent", $"00-{traceId.ToHexString()}-{ActivitySpanId.CreateRandom().ToHexString()}-01");

        await (await client.SendAsync(request)).ReadJsonAsync(201);

        var published = Assert.Single(await app.PublishedAsync(IngestionApp.OrchestratorSubscription));
        var traceParent = Assert.IsType<string>(published.ApplicationProperties["traceparent"]);
        Assert.Equal(traceId.ToHexString(), traceParent.Split('-')[1]);
    }
}
