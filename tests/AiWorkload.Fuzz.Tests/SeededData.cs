using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace AiWorkload.Fuzz.Tests;

/// <summary>
/// What exists before the fuzz: a model with a dataset of rows, a trained and promoted version, and the finished run that
/// trained it. Its GET representations are the snapshot the fuzz must leave unchanged.
/// </summary>
public sealed class SeededData(HttpClient client)
{
    public const string ModelId = "customer-churn";
    public const string DatasetId = "customers";
    public const string Pipeline = "retrain-on-new-data";
    public const string RunId = "seeded-run";

    public static IReadOnlyList<string> Ids { get; } = [ModelId, DatasetId, Pipeline, "retrain-on-drift", RunId];

    private static readonly string[] SnapshotPaths =
    [
        $"/api/models/{ModelId}", $"/api/models/{ModelId}/versions", $"/api/datasets/{DatasetId}", $"/api/runs/{RunId}",
        $"/api/pipelines/{Pipeline}", $"/api/models/{ModelId}/retrainings/{RunId}",
    ];

    public async Task SeedAsync()
    {
        await ExpectAsync(HttpStatusCode.Created, Post("/api/models", JsonContent.Create(new
        {
            name = "Customer churn",
            task = "classification",
            dataset = new { id = DatasetId, features = new[] { "tenure_months", "monthly_charges", "support_tickets", "usage_hours", "contract_months_left", "late_payments" }, label = "churned" },
            drift = new { metric = "accuracy", maxDrop = 0.05, driftScoreThreshold = 0.3, coolDownSeconds = 60, newDataRows = 1_000_000 },
        }), "seed-model"));
        var csv = new StringContent(await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "samples", "churn.csv")));
        csv.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        await ExpectAsync(HttpStatusCode.Created, Post($"/api/datasets/{DatasetId}/batches", csv, "seed-batch"));
        await ExpectAsync(HttpStatusCode.Accepted, Post($"/api/pipelines/{Pipeline}/runs", JsonContent.Create(new { modelId = ModelId }), RunId));

        var deadline = DateTime.UtcNow.AddSeconds(60);
        string? state = null;
        while (DateTime.UtcNow < deadline && state is not ("Succeeded" or "Failed" or "Cancelled" or "TimedOut"))
        {
            await Task.Delay(200);
            state = (await client.GetFromJsonAsync<JsonElement>($"/api/runs/{RunId}")).GetProperty("state").GetString();
        }

        Assert.True(state == "Succeeded", $"the seeded run ended {state ?? "never"}");
        var versions = await client.GetFromJsonAsync<JsonElement>($"/api/models/{ModelId}/versions");
        Assert.True(versions.GetArrayLength() >= 1, "the seeded run produced no version");
    }

    /// <summary>Each seeded resource's GET answer: status and body, byte for byte.</summary>
    public async Task<IReadOnlyDictionary<string, string>> SnapshotAsync()
    {
        var snapshot = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var path in SnapshotPaths)
        {
            using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
            snapshot[path] = $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}";
        }

        return snapshot;
    }

    private static HttpRequestMessage Post(string path, HttpContent content, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative)) { Content = content };
        request.Headers.Add("Idempotency-Key", key);
        return request;
    }

    private async Task ExpectAsync(HttpStatusCode expected, HttpRequestMessage request)
    {
        using (request)
        using (var response = await client.SendAsync(request))
        {
            Assert.True(response.StatusCode == expected, $"{request.Method} {request.RequestUri} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }
}
