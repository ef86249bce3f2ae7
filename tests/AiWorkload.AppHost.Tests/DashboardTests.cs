// Targets Aspire.Hosting.Testing 13.6.5 (GetDashboardUrlAsync) and Microsoft.Playwright 1.64.1 (IPage.GotoAsync, Locator,
// GetByText, ScreenshotAsync, Assertions.Expect).
using System.Diagnostics;
using System.Net;
using Aspire.Hosting.Testing;
using AiWorkload.Messaging.Topology;
using Microsoft.Playwright;

namespace AiWorkload.AppHost.Tests;

/// <summary>
/// The user's view: the real dashboard in Chromium lists the services, the Service Bus and its entities, and shows one trace
/// that runs from an api request over Service Bus into retraining and on over Service Bus into orchestrator.
/// </summary>
public sealed class DashboardTests : IDisposable
{
    private static readonly TimeSpan Budget = TimeSpan.FromMinutes(4);
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "aiworkload-dashboard-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task The_dashboard_shows_every_resource_and_one_trace_from_the_api_over_Service_Bus_to_retraining_and_orchestrator()
    {
        using var timeout = new CancellationTokenSource(Budget);
        await using var run = await AppHostRun.StartAsync(_dataDirectory, timeout.Token, withDashboard: true);
        using var api = run.CreateApiClient();
        using (var register = await WorkloadApi.PostJsonAsync(api, "/api/models", WorkloadApi.ChurnModel, "register"))
        {
            Assert.Equal(HttpStatusCode.Created, register.StatusCode);
        }

        await WorkloadApi.IngestAsync(api, "churn.csv", "batch-1");

        // The request carries a trace of the test's, so the dashboard's trace page for it is known in advance.
        var traceId = ActivityTraceId.CreateRandom();
        using (var retrain = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/models/customer-churn/retrain", UriKind.Relative)))
        {
            retrain.Content = System.Net.Http.Json.JsonContent.Create(new { reason = "first version" });
            retrain.Headers.Add("Idempotency-Key", "train-v1");
            retrain.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom()}-01");
            using var accepted = await api.SendAsync(retrain, timeout.Token);
            Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        }

        var dashboard = await run.App.GetDashboardUrlAsync(timeout.Token);
        await using var browser = await DashboardBrowser.LaunchAsync();
        var page = await browser.Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1600, Height = 1000 } });

        await page.GotoAsync(dashboard.ToString());
        string[] resources =
        [
            "api", "retraining", "orchestrator", "messaging",
            WorkloadTopology.RetrainingQueue, WorkloadTopology.WorkloadEventsTopic, $"{WorkloadTopology.WorkloadEventsTopic}-{WorkloadTopology.OrchestratorSubscription}",
        ];
        foreach (var resource in resources)
        {
            await Assertions.Expect(page.GetByText(resource, new PageGetByTextOptions { Exact = true }).First).ToBeVisibleAsync(new() { Timeout = 60_000 });
        }

        await page.ScreenshotAsync(new PageScreenshotOptions { Path = DashboardBrowser.ArtifactPath("dashboard-resources.png"), FullPage = true });

        // Spans reach the dashboard in OTLP batches, so the trace page is reloaded until every hop is on it: a row names the
        // span and, in its resource cell, the service that recorded it.
        var origin = dashboard.GetLeftPart(UriPartial.Authority);
        (string Span, string Service)[] hops =
        [
            ("POST /api/models/{modelId}/retrain", "api"),
            ($"publish {WorkloadTopology.RetrainingQueue}", "api"),
            ($"process {WorkloadTopology.RetrainingQueue}", "retraining"),
            ($"publish {WorkloadTopology.WorkloadEventsTopic}", "retraining"),
            ($"process {WorkloadTopology.WorkloadEventsTopic}/", "orchestrator"),
        ];
        var missing = await MissingHopsAsync(page, $"{origin}/traces/detail/{traceId}", hops, timeout.Token);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = DashboardBrowser.ArtifactPath("dashboard-trace.png"), FullPage = true });
        Assert.Empty(missing);
    }

    public void Dispose()
    {
        if (Directory.Exists(_dataDirectory))
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
    }

    private static async Task<(string Span, string Service)[]> MissingHopsAsync(
        IPage page, string url, (string Span, string Service)[] hops, CancellationToken cancellationToken)
    {
        var missing = hops;
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
        while (DateTime.UtcNow < deadline && !cancellationToken.IsCancellationRequested)
        {
            await page.GotoAsync(url);
            await page.WaitForTimeoutAsync(2_000);
            var found = new List<(string, string)>();
            foreach (var hop in hops)
            {
                var rows = page.GetByRole(AriaRole.Row)
                    .Filter(new LocatorFilterOptions { HasText = hop.Span })
                    .Filter(new LocatorFilterOptions { Has = page.GetByRole(AriaRole.Gridcell, new PageGetByRoleOptions { Name = hop.Service, Exact = true }) });
                if (await rows.CountAsync() > 0)
                {
                    found.Add(hop);
                }
            }

            missing = [.. hops.Except(found)];
            if (missing.Length == 0)
            {
                break;
            }
        }

        return missing;
    }
}
