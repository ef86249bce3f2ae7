using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AiWorkload.Standalone.Tests;

/// <summary>The README walkthrough, through the real composition root: register, ingest, train, predict.</summary>
public sealed class WalkthroughTests
{
    private static readonly string[] Features = ["tenure_months", "monthly_charges", "support_tickets", "usage_hours", "contract_months_left", "late_payments"];

    [Fact]
    public async Task A_newcomer_goes_from_an_empty_data_directory_to_predictions()
    {
        await using var app = new StandaloneApp();
        using var api = app.CreateApiClient();

        var register = await StandaloneApp.PostJsonAsync(api, "/api/models", RegisterChurnModel(), "register");
        Assert.Equal(HttpStatusCode.Created, register.StatusCode);

        using var csv = new StringContent(await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "samples", "churn.csv")));
        csv.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        var ingest = await api.PostAsync(new Uri("/api/datasets/customers/batches", UriKind.Relative), csv);
        Assert.Equal(HttpStatusCode.Created, ingest.StatusCode);

        var retrain = await StandaloneApp.PostJsonAsync(api, "/api/models/customer-churn/retrain", new { reason = "first version" }, "train-v1");
        Assert.Equal(HttpStatusCode.Accepted, retrain.StatusCode);
        var status = await StandaloneApp.EventuallyAsync(
            () => GetJsonAsync(api, retrain.Headers.Location!.ToString()),
            json => json.GetProperty("status").GetString() == "trained",
            TimeSpan.FromSeconds(30));
        Assert.Equal("trained", status.GetProperty("status").GetString());
        Assert.Equal("promoted", status.GetProperty("version").GetProperty("status").GetString());

        var prediction = await PredictAsync(api);
        Assert.Equal(1, prediction.GetProperty("version").GetInt32());
        Assert.Equal("yes", prediction.GetProperty("prediction").GetProperty("label").GetString());
    }

    [Fact]
    public async Task Health_and_the_OpenAPI_document_are_served()
    {
        await using var app = new StandaloneApp();
        using var client = app.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/health", UriKind.Relative))).StatusCode);
        var report = await app.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync();
        Assert.Equal(HealthStatus.Healthy, report.Entries["messaging"].Status);
        Assert.Contains("message processors are running", report.Entries["messaging"].Description, StringComparison.Ordinal);
        var openApi = await GetJsonAsync(client, "/openapi/v1.json");
        Assert.True(openApi.GetProperty("paths").TryGetProperty("/api/models", out _));
    }

    [Fact]
    public async Task Requests_without_a_key_are_refused_when_keys_are_configured()
    {
        await using var app = new StandaloneApp();
        using var anonymous = app.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(new Uri("/api/models", UriKind.Relative))).StatusCode);
    }

    internal static object RegisterChurnModel() => new
    {
        name = "Customer churn",
        task = "classification",
        dataset = new { id = "customers", features = Features, label = "churned" },
        promotion = new { primaryMetric = "accuracy", minimumImprovement = 0.0 },
        drift = new { metric = "accuracy", maxDrop = 0.05, driftScoreThreshold = 0.3, coolDownSeconds = 60, newDataRows = 10_000 },
    };

    internal static async Task<JsonElement> PredictAsync(HttpClient api)
    {
        var response = await StandaloneApp.PostJsonAsync(api, "/api/models/customer-churn/predict", new
        {
            features = new Dictionary<string, double>
            {
                ["tenure_months"] = 3, ["monthly_charges"] = 110, ["support_tickets"] = 4,
                ["usage_hours"] = 5, ["contract_months_left"] = 0, ["late_payments"] = 2,
            },
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    internal static async Task<JsonElement> GetJsonAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }
}
