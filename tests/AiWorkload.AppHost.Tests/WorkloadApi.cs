// Azure edge test helper (Aspire.Hosting.Testing 13.5.2 run): plain HttpClient calls to the API the AppHost starts.
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace AiWorkload.AppHost.Tests;

/// <summary>
/// The HTTP calls the end-to-end test makes, in one place. The routes and bodies follow AiWorkload.Ingestion as it stood
/// when this test was written (IngestionEndpoints, RegisterModelRequest, CSV batches, ModelResponse's promotedVersion),
/// while that library was still being written: if the test fails on a 404 or 400, reconcile here. Every POST carries an
/// Idempotency-Key: the retrain endpoint requires one, the others accept one. No API key is sent: with none configured,
/// the services serve loopback callers, which the AppHost's proxies are.
/// </summary>
internal static class WorkloadApi
{
    public const string RegisterModel = "/api/models";
    public const string IngestBatch = "/api/datasets/{0}/batches";
    public const string RequestRetraining = "/api/models/{0}/retrain";
    public const string Model = "/api/models/{0}";
    private const string IdempotencyHeader = "Idempotency-Key";

    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(2);

    /// <summary>A small, separable two-feature set: enough for a logistic model to train and be promoted.</summary>
    public static string TrainingCsv { get; } = BuildCsv();

    public static async Task RegisterModelAsync(HttpClient api, string modelId, string datasetId, CancellationToken cancellationToken)
    {
        var model = new
        {
            id = modelId,
            name = modelId,
            task = "classification",
            dataset = new { id = datasetId, features = new[] { "feature1", "feature2" }, label = "label" },
        };
        await PostAsync(api, RegisterModel, JsonContent.Create(model), cancellationToken);
    }

    public static async Task IngestAsync(HttpClient api, string datasetId, string csv, CancellationToken cancellationToken)
    {
        await PostAsync(api, Route(IngestBatch, datasetId), new StringContent(csv, Encoding.UTF8, "text/csv"), cancellationToken);
    }

    public static async Task RequestRetrainingAsync(HttpClient api, string modelId, CancellationToken cancellationToken)
    {
        await PostAsync(api, Route(RequestRetraining, modelId), JsonContent.Create(new { reason = "end-to-end test" }), cancellationToken);
    }

    /// <summary>Polls the model (GET on the API) until it reports a promoted version: a positive <c>promotedVersion</c>.</summary>
    public static async Task<int> WaitForPromotedVersionAsync(HttpClient service, string modelId, CancellationToken cancellationToken)
    {
        while (true)
        {
            using (var response = await service.GetAsync(Route(Model, modelId), cancellationToken))
            {
                if (response.IsSuccessStatusCode)
                {
                    using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
                    if (document.RootElement.TryGetProperty("promotedVersion", out var version) && version.ValueKind == JsonValueKind.Number && version.GetInt32() > 0)
                    {
                        return version.GetInt32();
                    }
                }
            }

            await Task.Delay(PollInterval, cancellationToken);
        }
    }

    private static async Task PostAsync(HttpClient api, string route, HttpContent content, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, route) { Content = content };
        request.Headers.Add(IdempotencyHeader, Guid.NewGuid().ToString("N"));
        using var response = await api.SendAsync(request, cancellationToken);
        await EnsureSuccessAsync(response, cancellationToken);
    }

    private static string Route(string template, string id) => string.Format(CultureInfo.InvariantCulture, template, Uri.EscapeDataString(id));

    private static async Task EnsureSuccessAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            Assert.Fail($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}: {body}");
        }
    }

    private static string BuildCsv()
    {
        var csv = new StringBuilder("feature1,feature2,label\n");
        for (var i = 0; i < 40; i++)
        {
            var positive = i % 2 == 0;
            var x = (positive ? 2.0 : -2.0) + (i % 5 * 0.1);
            var y = (positive ? 1.5 : -1.5) - (i % 3 * 0.1);
            csv.Append(CultureInfo.InvariantCulture, $"{x:F2},{y:F2},{(positive ? 1 : 0)}\n");
        }

        return csv.ToString();
    }
}
