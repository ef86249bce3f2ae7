using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using AiWorkload.Catalog;
using AiWorkload.Catalog.Datasets;
using Microsoft.Extensions.DependencyInjection;

namespace AiWorkload.Standalone.Tests;

/// <summary>
/// Issue 14: one stored extreme value made every later retraining of the model fail, and the request said "queued" for
/// ever. Rows written straight into the catalog stand for data stored before ingestion checked the trainable range.
/// Recovery needs nothing done to the data directory by hand.
/// </summary>
public sealed class PoisonedDataScenarioTests
{
    private const string Header = "tenure_months,monthly_charges,support_tickets,usage_hours,contract_months_left,late_payments,churned";

    [Fact]
    public async Task A_row_stored_before_validation_blocks_neither_retraining_nor_the_drift_pipeline()
    {
        await using var app = new StandaloneApp();
        using var api = app.CreateApiClient();
        Assert.Equal(HttpStatusCode.Created, (await StandaloneApp.PostJsonAsync(api, "/api/models", WalkthroughTests.RegisterChurnModel(), "register")).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await PostCsvAsync(api, await SampleAsync("churn.csv"))).StatusCode);
        await AppendDirectlyAsync(app, "before-validation", [new DatasetRow([1e308, 70, 1, 10, 0, 0], "yes")]);

        // The same row through the API today is refused, naming its line and column; nothing is stored.
        var refused = await PostCsvAsync(api, $"{Header}\n1e308,70,1,10,0,0,yes\n");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var errors = (await ReadJsonAsync(refused)).GetProperty("errors");
        Assert.Contains("Line 2: 1e308 in column 'tenure_months' is out of range", errors.GetProperty("lines[2].tenure_months")[0].GetString(), StringComparison.Ordinal);

        var first = await RetrainAsync(api, "train-v1");
        Assert.Equal("trained", first.GetProperty("status").GetString());
        var version = first.GetProperty("version");
        Assert.Equal(("promoted", 2L), (version.GetProperty("status").GetString(), version.GetProperty("dataVersion").GetInt64()));
        Assert.Contains("1 row(s) of data version 2 were excluded", version.GetProperty("decision").GetString(), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Created, (await PostCsvAsync(api, await SampleAsync("churn-recent.csv"))).StatusCode);
        var report = await StandaloneApp.PostJsonAsync(api, "/api/models/customer-churn/metrics", new { metric = "accuracy", value = 0.63, driftScore = 0.45 }, "metrics-1");
        Assert.Equal(HttpStatusCode.Accepted, report.StatusCode);
        var runs = await StandaloneApp.EventuallyAsync(
            () => WalkthroughTests.GetJsonAsync(api, "/api/runs?pipeline=retrain-on-drift&modelId=customer-churn"),
            json => Items(json).Any(r => r.GetProperty("state").GetString() is "Succeeded" or "Failed" or "TimedOut"),
            TimeSpan.FromSeconds(60));
        Assert.Equal("Succeeded", Assert.Single(Items(runs)).GetProperty("state").GetString());
        var versions = await WalkthroughTests.GetJsonAsync(api, "/api/models/customer-churn/versions");
        var drift = versions.EnumerateArray().Single(v => v.GetProperty("version").GetInt32() == 2);
        Assert.Contains("1 row(s) of data version 3 were excluded", drift.GetProperty("decision").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_retraining_that_cannot_train_reports_failed_with_its_reason_and_a_later_one_succeeds()
    {
        await using var app = new StandaloneApp();
        using var api = app.CreateApiClient();
        Assert.Equal(HttpStatusCode.Created, (await StandaloneApp.PostJsonAsync(api, "/api/models", WalkthroughTests.RegisterChurnModel(), "register")).StatusCode);
        await AppendDirectlyAsync(app, "before-validation", [.. Enumerable.Range(0, 25).Select(i => new DatasetRow([i, 1e308, 1, 10, 0, 0], i % 2 == 0 ? "yes" : "no"))]);

        var failed = await RetrainAsync(api, "train-1");

        Assert.Equal("failed", failed.GetProperty("status").GetString());
        var failure = failed.GetProperty("failure");
        Assert.Equal("InsufficientData", failure.GetProperty("reason").GetString());
        Assert.Contains("25 row(s) of data version 1 were excluded", failure.GetProperty("detail").GetString(), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Created, (await PostCsvAsync(api, await SampleAsync("churn.csv"))).StatusCode);
        var trained = await RetrainAsync(api, "train-2");

        Assert.Equal("trained", trained.GetProperty("status").GetString());
        Assert.Equal("promoted", trained.GetProperty("version").GetProperty("status").GetString());
        Assert.Contains("25 row(s) of data version 2 were excluded", trained.GetProperty("version").GetProperty("decision").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, (await WalkthroughTests.PredictAsync(api)).GetProperty("version").GetInt32());
    }

    /// <summary>Requests a retraining and polls its status until it is trained or failed.</summary>
    private static async Task<JsonElement> RetrainAsync(HttpClient api, string key)
    {
        var accepted = await StandaloneApp.PostJsonAsync(api, "/api/models/customer-churn/retrain", new { reason = "test" }, key);
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        return await StandaloneApp.EventuallyAsync(
            () => WalkthroughTests.GetJsonAsync(api, accepted.Headers.Location!.ToString()),
            json => json.GetProperty("status").GetString() is "trained" or "failed",
            TimeSpan.FromSeconds(30));
    }

    private static Task<DatasetBatch> AppendDirectlyAsync(StandaloneApp app, string batchId, IReadOnlyList<DatasetRow> rows) =>
        app.Services.GetRequiredService<IWorkloadCatalog>().WriteAsync(w => w.AppendRows("customers", batchId, rows));

    private static Task<string> SampleAsync(string file) => File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "samples", file));

    private static async Task<HttpResponseMessage> PostCsvAsync(HttpClient api, string text)
    {
        using var csv = new StringContent(text);
        csv.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        return await api.PostAsync(new Uri("/api/datasets/customers/batches", UriKind.Relative), csv);
    }

    private static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();

    private static List<JsonElement> Items(JsonElement page) => [.. page.GetProperty("items").EnumerateArray()];
}
