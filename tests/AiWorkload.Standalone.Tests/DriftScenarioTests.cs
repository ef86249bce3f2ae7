using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using AiWorkload.Testing;

namespace AiWorkload.Standalone.Tests;

/// <summary>
/// The product's promise end to end, in one process on the embedded Service Bus: metrics degrade → the drift pipeline
/// runs → a new version is trained and promoted → inference uses it, with no restart.
/// </summary>
public sealed class DriftScenarioTests
{
    [Fact]
    public async Task Degraded_metrics_retrain_and_promote_a_new_version_that_inference_then_serves()
    {
        await using var app = new StandaloneApp();
        await RunScenarioAsync(app);
        Assert.True(File.Exists(Path.Combine(app.DataDirectory, "catalog.db")));
    }

    [Fact]
    public async Task With_a_shared_PostgreSQL_database_the_same_scenario_keeps_models_datasets_and_runs_there()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await using (var app = new StandaloneApp(database.ConnectionString))
        {
            await RunScenarioAsync(app);
            Assert.False(File.Exists(Path.Combine(app.DataDirectory, "catalog.db")));
            Assert.False(File.Exists(Path.Combine(app.DataDirectory, "orchestration.db")));
        }

        // A fresh process (another replica, or a restart with an empty disk) sees everything through the database alone.
        await using var replica = new StandaloneApp(database.ConnectionString);
        using var api = replica.CreateApiClient();
        var model = await WalkthroughTests.GetJsonAsync(api, "/api/models/customer-churn");
        Assert.Equal(2, model.GetProperty("promotedVersion").GetInt32());
        var runs = await WalkthroughTests.GetJsonAsync(api, "/api/runs?pipeline=retrain-on-drift&modelId=customer-churn");
        Assert.Equal("Succeeded", Assert.Single(Items(runs)).GetProperty("state").GetString());
    }

    private static async Task RunScenarioAsync(StandaloneApp app)
    {
        using var api = app.CreateApiClient();
        Assert.Equal(HttpStatusCode.Created, (await StandaloneApp.PostJsonAsync(api, "/api/models", WalkthroughTests.RegisterChurnModel(), "register")).StatusCode);
        await IngestAsync(api, "churn.csv", "batch-1");
        var first = await StandaloneApp.PostJsonAsync(api, "/api/models/customer-churn/retrain", new { reason = "first version" }, "train-v1");
        await StandaloneApp.EventuallyAsync(() => WalkthroughTests.GetJsonAsync(api, first.Headers.Location!.ToString()),
            json => json.GetProperty("status").GetString() == "trained", TimeSpan.FromSeconds(30));
        Assert.Equal(1, (await WalkthroughTests.PredictAsync(api)).GetProperty("version").GetInt32());

        await IngestAsync(api, "churn-recent.csv", "batch-2");
        var report = await StandaloneApp.PostJsonAsync(api, "/api/models/customer-churn/metrics", new { metric = "accuracy", value = 0.63, driftScore = 0.45 }, "metrics-1");
        Assert.Equal(HttpStatusCode.Accepted, report.StatusCode);

        var runs = await StandaloneApp.EventuallyAsync(
            () => WalkthroughTests.GetJsonAsync(api, "/api/runs?pipeline=retrain-on-drift&modelId=customer-churn"),
            json => Items(json).Any(r => r.GetProperty("state").GetString() is "Succeeded" or "Failed" or "TimedOut"),
            TimeSpan.FromSeconds(60));
        var run = Assert.Single(Items(runs));
        Assert.Equal("Succeeded", run.GetProperty("state").GetString());

        var decisions = await WalkthroughTests.GetJsonAsync(api, "/api/decisions?modelId=customer-churn");
        Assert.Contains(Items(decisions), d => d.GetProperty("triggered").GetBoolean());

        var model = await WalkthroughTests.GetJsonAsync(api, "/api/models/customer-churn");
        Assert.Equal(2, model.GetProperty("promotedVersion").GetInt32());
        var prediction = await StandaloneApp.EventuallyAsync(() => WalkthroughTests.PredictAsync(api),
            json => json.GetProperty("version").GetInt32() == 2, TimeSpan.FromSeconds(10));
        Assert.Equal(2, prediction.GetProperty("version").GetInt32());
    }

    /// <summary>Runs and decisions come in pages: { items, pageNumber, pageSize, total }.</summary>
    private static List<JsonElement> Items(JsonElement page) => [.. page.GetProperty("items").EnumerateArray()];

    private static async Task IngestAsync(HttpClient api, string file, string batchId)
    {
        using var csv = new StringContent(await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "samples", file)));
        csv.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/datasets/customers/batches", UriKind.Relative)) { Content = csv };
        request.Headers.Add("Idempotency-Key", batchId);
        Assert.Equal(HttpStatusCode.Created, (await api.SendAsync(request)).StatusCode);
    }
}
