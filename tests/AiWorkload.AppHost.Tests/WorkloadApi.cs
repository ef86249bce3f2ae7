using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace AiWorkload.AppHost.Tests;

/// <summary>The README walkthrough's HTTP calls (as in AiWorkload.Standalone.Tests), against the api resource.</summary>
internal static class WorkloadApi
{
    private static readonly string[] Features = ["tenure_months", "monthly_charges", "support_tickets", "usage_hours", "contract_months_left", "late_payments"];

    public static object ChurnModel { get; } = new
    {
        name = "Customer churn",
        task = "classification",
        dataset = new { id = "customers", features = Features, label = "churned" },
        promotion = new { primaryMetric = "accuracy", minimumImprovement = 0.0 },
        drift = new { metric = "accuracy", maxDrop = 0.05, driftScoreThreshold = 0.3, coolDownSeconds = 60, newDataRows = 10_000 },
    };

    public static async Task<HttpResponseMessage> PostJsonAsync(HttpClient client, string path, object body, string idempotencyKey)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative)) { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", idempotencyKey);
        return await client.SendAsync(request);
    }

    public static async Task<JsonElement> GetJsonAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    public static async Task IngestAsync(HttpClient api, string file, string batchId)
    {
        using var csv = new StringContent(await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "samples", file)));
        csv.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/datasets/customers/batches", UriKind.Relative)) { Content = csv };
        request.Headers.Add("Idempotency-Key", batchId);
        using var response = await api.SendAsync(request);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    public static async Task<JsonElement> PredictAsync(HttpClient api)
    {
        var features = new Dictionary<string, double>
        {
            ["tenure_months"] = 3, ["monthly_charges"] = 110, ["support_tickets"] = 4,
            ["usage_hours"] = 5, ["contract_months_left"] = 0, ["late_payments"] = 2,
        };
        using var response = await PostJsonAsync(api, "/api/models/customer-churn/predict", new { features }, Guid.NewGuid().ToString("N"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    public static async Task<T> EventuallyAsync<T>(Func<Task<T>> probe, Func<T, bool> done, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var value = await probe();
            if (done(value) || DateTime.UtcNow > deadline)
            {
                return value;
            }

            await Task.Delay(200);
        }
    }

    /// <summary>Runs and decisions come in pages: { items, pageNumber, pageSize, total }.</summary>
    public static List<JsonElement> Items(JsonElement page) => [.. page.GetProperty("items").EnumerateArray()];
}
