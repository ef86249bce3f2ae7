using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace AiWorkload.Ingestion.Tests.Infrastructure;

/// <summary>Request bodies and calls the tests share.</summary>
internal static class Requests
{
    public const string ChurnModel = """
        {
          "name": "Customer churn",
          "task": "classification",
          "dataset": { "id": "customers", "features": ["tenure_months", "monthly_charges", "support_tickets"], "label": "churned" }
        }
        """;

    public const string ChurnCsv = """
        tenure_months,monthly_charges,support_tickets,churned
        12,70.5,1,no
        2,99.9,4,yes
        40,35,0,no
        """;

    public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    public static StringContent Csv(string csv) => new(csv, Encoding.UTF8, "text/csv");

    public static async Task<HttpResponseMessage> PostAsync(this HttpClient client, string path, HttpContent? content, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative)) { Content = content };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return await client.SendAsync(request);
    }

    public static async Task<JsonElement> RegisterChurnAsync(this HttpClient client)
    {
        var response = await client.PostAsync("/api/models", Json(ChurnModel));
        Assert.Equal(201, (int)response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static async Task<JsonElement> ReadJsonAsync(this HttpResponseMessage response, int status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == (int)response.StatusCode, $"Expected {status}, got {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }
}
