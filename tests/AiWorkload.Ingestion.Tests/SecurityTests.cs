using System.Net;
using AiWorkload.ServiceDefaults.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace AiWorkload.Ingestion.Tests;

public sealed class SecurityTests
{
    [Fact]
    public async Task Every_API_endpoint_requires_a_workload_policy_and_the_per_key_rate_limit()
    {
        using var directory = new TemporaryDirectory();
        await using var app = await IngestionApp.StartAsync(directory);

        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText!.StartsWith("/api", StringComparison.Ordinal)).ToList();

        Assert.Equal(Routes.Length, endpoints.Count);
        foreach (var endpoint in endpoints)
        {
            var policies = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).ToList();
            var writes = endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()!.HttpMethods.Contains("POST");
            Assert.Equal([writes ? ApiKeyDefaults.WritePolicy : ApiKeyDefaults.ReadPolicy], policies);
            Assert.Equal(ApiKeyDefaults.RateLimitPolicy, endpoint.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName);
        }
    }

    [Theory]
    [InlineData(null)]
    [InlineData("not-a-configured-key-at-all")]
    public async Task Without_a_valid_key_every_endpoint_is_401(string? key)
    {
        using var directory = new TemporaryDirectory();
        await using var app = await IngestionApp.StartAsync(directory);
        using var client = app.Client(key);

        foreach (var (method, path) in Routes)
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative));
            var problem = await Problem.ReadAsync(await client.SendAsync(request), 401);
            Assert.Equal("Unauthorized", problem.Title);
        }

        Assert.Empty(await app.Catalog.ListModelsAsync());
    }

    [Fact]
    public async Task A_read_only_key_reads_but_every_write_is_403()
    {
        using var directory = new TemporaryDirectory();
        await using var app = await IngestionApp.StartAsync(directory);
        using var reader = app.Client(IngestionApp.ReaderKey);

        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync(new Uri("/api/models", UriKind.Relative))).StatusCode);
        foreach (var (method, path) in Routes.Where(r => r.Method == "POST"))
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative)) { Content = Requests.Json(Requests.ChurnModel) };
            var problem = await Problem.ReadAsync(await reader.SendAsync(request), 403);
            Assert.Contains("'write' scope", problem.Detail, StringComparison.Ordinal);
        }

        Assert.Empty(await app.Catalog.ListModelsAsync());
    }

    [Fact]
    public async Task A_key_over_its_rate_limit_gets_429_with_Retry_After()
    {
        using var directory = new TemporaryDirectory();
        var settings = IngestionApp.Keys();
        settings["RateLimiting:PermitLimit"] = "2";
        settings["RateLimiting:WindowSeconds"] = "300";
        await using var app = await IngestionApp.StartAsync(directory, settings);
        using var client = app.Client();

        await client.RegisterChurnAsync();
        await (await client.GetAsync(new Uri("/api/models", UriKind.Relative))).ReadJsonAsync(200);
        var limited = await client.PostAsync("/api/models/customer-churn/metrics", Requests.Json("""{"metric": "accuracy", "value": 0.5}"""));

        await Problem.ReadAsync(limited, 429);
        Assert.InRange(limited.Headers.RetryAfter!.Delta!.Value.TotalSeconds, 1, 300);
        Assert.Equal(HttpStatusCode.OK, (await app.Client(IngestionApp.ReaderKey).GetAsync(new Uri("/api/models", UriKind.Relative))).StatusCode);
        Assert.Empty(await app.PublishedAsync(IngestionApp.OrchestratorSubscription, "ModelMetricsReported"));
    }

    [Fact]
    public async Task Without_configured_keys_a_local_caller_is_served()
    {
        using var directory = new TemporaryDirectory();
        await using var app = await IngestionApp.StartAsync(directory, settings: []);
        using var client = app.Client(apiKey: null);

        await client.RegisterChurnAsync();
    }

    private static readonly (string Method, string Path)[] Routes =
    [
        ("POST", "/api/models"),
        ("GET", "/api/models"),
        ("GET", "/api/models/customer-churn"),
        ("GET", "/api/models/customer-churn/versions"),
        ("POST", "/api/models/customer-churn/metrics"),
        ("POST", "/api/models/customer-churn/retrain"),
        ("GET", "/api/models/customer-churn/retrainings/r1"),
        ("POST", "/api/datasets/customers/batches"),
        ("GET", "/api/datasets"),
        ("GET", "/api/datasets/customers"),
    ];
}
