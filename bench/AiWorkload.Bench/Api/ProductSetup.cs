using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace AiWorkload.Bench.Api;

/// <summary>
/// The README walkthrough's first steps against the running product: register the churn model, ingest samples/churn.csv,
/// train v1 and wait until it predicts. A second model with the same schema owns the dataset the ingest rows write to;
/// its new-data threshold is out of reach, so those uploads start no retraining that would load the machine mid-measurement.
/// </summary>
internal sealed class ProductSetup(HttpClient client, string apiKey)
{
    public const string ModelId = "customer-churn";
    public const string IngestDatasetId = "churn-ingest";

    public static readonly string PredictBody =
        """{"features":{"tenure_months":3,"monthly_charges":110,"support_tickets":4,"usage_hours":5,"contract_months_left":0,"late_payments":2}}""";

    private const string RegisterChurn = """
        {"name":"Customer churn","task":"classification",
         "dataset":{"id":"customers","features":["tenure_months","monthly_charges","support_tickets","usage_hours","contract_months_left","late_payments"],"label":"churned"},
         "promotion":{"primaryMetric":"accuracy","minimumImprovement":0.0},
         "drift":{"metric":"accuracy","maxDrop":0.05,"driftScoreThreshold":0.3,"coolDownSeconds":60,"newDataRows":10000}}
        """;

    private const string RegisterIngestTarget = """
        {"name":"Churn ingest","task":"classification",
         "dataset":{"id":"churn-ingest","features":["tenure_months","monthly_charges","support_tickets","usage_hours","contract_months_left","late_payments"],"label":"churned"},
         "drift":{"newDataRows":2000000000}}
        """;

    private static readonly TimeSpan TrainingTimeout = TimeSpan.FromMinutes(3);

    /// <summary>Returns how long training v1 took, request to first 200 from predict.</summary>
    public async Task<TimeSpan> RunAsync(string churnCsvPath, CancellationToken cancellationToken)
    {
        await SendAsync("api/models", RegisterChurn, "application/json", null, cancellationToken);
        await SendAsync("api/models", RegisterIngestTarget, "application/json", null, cancellationToken);
        await SendAsync("api/datasets/customers/batches", await File.ReadAllTextAsync(churnCsvPath, cancellationToken), "text/csv", "bench-batch-1", cancellationToken);
        var clock = Stopwatch.StartNew();
        await SendAsync($"api/models/{ModelId}/retrain", """{"reason":"first version"}""", "application/json", "bench-train-v1", cancellationToken);
        while (true)
        {
            using var status = await client.SendAsync(Message(HttpMethod.Get, $"api/models/{ModelId}/retrainings/bench-train-v1"), cancellationToken);
            string? state = null;
            if (status.IsSuccessStatusCode)
            {
                using var document = JsonDocument.Parse(await status.Content.ReadAsStringAsync(cancellationToken));
                state = document.RootElement.GetProperty("status").GetString();
            }

            if (state == "trained")
            {
                using var predict = await client.SendAsync(Message(HttpMethod.Post, $"api/models/{ModelId}/predict", PredictBody, "application/json"), cancellationToken);
                if (predict.StatusCode == HttpStatusCode.OK)
                {
                    return clock.Elapsed;
                }
            }

            if (clock.Elapsed > TrainingTimeout)
            {
                throw new TimeoutException($"v1 of {ModelId} was not predicting within {TrainingTimeout.TotalMinutes:0} minutes (last status: {state ?? status.StatusCode.ToString()}).");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200), cancellationToken);
        }
    }

    /// <summary>The repository's samples/churn.csv, found by walking up from the bench's output folder.</summary>
    public static string? FindChurnCsv()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var csv = Path.Combine(directory.FullName, "samples", "churn.csv");
            if (File.Exists(csv))
            {
                return csv;
            }
        }

        return null;
    }

    private async Task SendAsync(string path, string body, string contentType, string? idempotencyKey, CancellationToken cancellationToken)
    {
        using var message = Message(HttpMethod.Post, path, body, contentType);
        if (idempotencyKey is not null)
        {
            message.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        using var response = await client.SendAsync(message, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"POST {path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}");
        }
    }

    private HttpRequestMessage Message(HttpMethod method, string path, string? body = null, string? contentType = null)
    {
        var message = new HttpRequestMessage(method, path);
        message.Headers.Add("X-Api-Key", apiKey);
        if (body is not null)
        {
            message.Content = new StringContent(body, Encoding.UTF8);
            message.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType!);
        }

        return message;
    }
}
