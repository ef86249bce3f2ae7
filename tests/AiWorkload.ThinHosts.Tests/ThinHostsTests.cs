extern alias api;
extern alias orchestrator;
extern alias retraining;

using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using AiWorkload.ServiceBus.Testing;
using AiWorkload.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace AiWorkload.ThinHosts.Tests;

/// <summary>The thin hosts' composition roots, started against the local Service Bus as the AppHost starts them.</summary>
public sealed class ThinHostsTests
{
    private static readonly string[] Features = ["tenure_months", "monthly_charges", "support_tickets", "usage_hours", "contract_months_left", "late_payments"];

    [Theory]
    [InlineData("api")]
    [InlineData("retraining")]
    [InlineData("orchestrator")]
    public async Task Each_host_starts_on_the_local_Service_Bus_and_reports_healthy(string name)
    {
        await using var bus = await LocalHost.StartAsync();
        using var data = new TemporaryDirectory();
        await using var host = Create(name, bus, data.Path);
        using var client = host.CreateClient();

        var health = await client.GetAsync(new Uri("/health", UriKind.Relative));

        var report = await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync();
        var unhealthy = string.Join("; ", report.Entries.Where(e => e.Value.Status != HealthStatus.Healthy).Select(e => $"{e.Key}: {e.Value.Description} {e.Value.Exception?.Message}"));
        Assert.True(health.StatusCode == HttpStatusCode.OK, $"{name}: /health is {health.StatusCode}; {unhealthy}");
        Assert.Equal(HealthStatus.Healthy, report.Entries[AzureServiceBusHostingExtensions.HealthCheckName].Status);
    }

    [Fact]
    public async Task A_retraining_request_posted_to_the_api_host_is_trained_by_the_retraining_host()
    {
        await using var bus = await LocalHost.StartAsync();
        using var data = new TemporaryDirectory();
        await using var apiHost = new ThinHost<api::Program>(bus.AmqpConnectionString, bus.AdminConnectionString, data.Path);
        await using var retrainingHost = new ThinHost<retraining::Program>(bus.AmqpConnectionString, bus.AdminConnectionString, data.Path);
        await using var orchestratorHost = new ThinHost<orchestrator::Program>(bus.AmqpConnectionString, bus.AdminConnectionString, data.Path);
        _ = retrainingHost.Services;
        _ = orchestratorHost.Services;
        using var client = apiHost.CreateApiClient();

        var register = await PostJsonAsync(client, "/api/models", RegisterChurnModel(), "register");
        Assert.Equal(HttpStatusCode.Created, register.StatusCode);
        using var csv = new StringContent(await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "samples", "churn.csv")));
        csv.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsync(new Uri("/api/datasets/customers/batches", UriKind.Relative), csv)).StatusCode);
        var retrain = await PostJsonAsync(client, "/api/models/customer-churn/retrain", new { reason = "first version" }, "train-v1");
        Assert.Equal(HttpStatusCode.Accepted, retrain.StatusCode);

        var status = await EventuallyTrainedAsync(client, "/api/models/customer-churn/retrainings/train-v1", TimeSpan.FromSeconds(40));
        Assert.Equal("trained", status.GetProperty("status").GetString());
    }

    /// <summary>
    /// The api forwards what the other services serve; a caller it would refuse must not reach them from the api's own
    /// (loopback) address, so it authorizes first, as the service behind it would.
    /// </summary>
    [Theory]
    [InlineData("GET", "/api/runs")]
    [InlineData("GET", "/api/decisions")]
    [InlineData("POST", "/api/pipelines/retrain-on-drift/runs")]
    [InlineData("POST", "/api/models/customer-churn/predict")]
    public async Task The_api_host_refuses_a_caller_without_a_key_before_forwarding(string method, string path)
    {
        await using var bus = await LocalHost.StartAsync();
        using var data = new TemporaryDirectory();
        await using var apiHost = new ThinHost<api::Program>(bus.AmqpConnectionString, bus.AdminConnectionString, data.Path);
        using var anonymous = apiHost.CreateClient();
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative)) { Content = JsonContent.Create(new { }) };

        using var response = await anonymous.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private static IThinHost Create(string name, LocalHost bus, string dataDirectory) => name switch
    {
        "api" => new ThinHost<api::Program>(bus.AmqpConnectionString, bus.AdminConnectionString, dataDirectory),
        "retraining" => new ThinHost<retraining::Program>(bus.AmqpConnectionString, bus.AdminConnectionString, dataDirectory),
        _ => new ThinHost<orchestrator::Program>(bus.AmqpConnectionString, bus.AdminConnectionString, dataDirectory),
    };

    private static async Task<JsonElement> EventuallyTrainedAsync(HttpClient client, string path, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var json = await client.GetFromJsonAsync<JsonElement>(new Uri(path, UriKind.Relative));
            if (json.GetProperty("status").GetString() == "trained" || DateTime.UtcNow > deadline)
            {
                return json;
            }

            await Task.Delay(200);
        }
    }

    private static Task<HttpResponseMessage> PostJsonAsync(HttpClient client, string path, object body, string idempotencyKey)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative)) { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", idempotencyKey);
        return client.SendAsync(request);
    }

    private static object RegisterChurnModel() => new
    {
        name = "Customer churn",
        task = "classification",
        dataset = new { id = "customers", features = Features, label = "churned" },
        promotion = new { primaryMetric = "accuracy", minimumImprovement = 0.0 },
        drift = new { metric = "accuracy", maxDrop = 0.05, driftScoreThreshold = 0.3, coolDownSeconds = 60, newDataRows = 10_000 },
    };
}
