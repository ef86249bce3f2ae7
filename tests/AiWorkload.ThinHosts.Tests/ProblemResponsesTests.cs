extern alias api;
extern alias orchestrator;
extern alias retraining;

using System.Text;
using System.Text.Json;
using AiWorkload.ServiceBus.Testing;
using AiWorkload.Testing;

namespace AiWorkload.ThinHosts.Tests;

/// <summary>Each thin host answers what no endpoint wrote (no route, unreadable body, unknown pipeline) as ProblemDetails, as Standalone does.</summary>
public sealed class ProblemResponsesTests
{
    [Theory]
    [InlineData("api", "GET", "/api/no-such-thing", null, 404)]
    [InlineData("api", "PUT", "/api/models", null, 405)]
    [InlineData("retraining", "POST", "/api/models/m/predict", "{not json", 400)]
    [InlineData("orchestrator", "POST", "/api/pipelines/no-such-pipeline/runs", null, 404)]
    [InlineData("orchestrator", "GET", "/api/runs?page=abc", null, 400)]
    public async Task Errors_are_problem_json(string name, string method, string path, string? body, int status)
    {
        await using var bus = await LocalHost.StartAsync();
        using var data = new TemporaryDirectory();
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative));
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        using var response = name switch
        {
            "api" => await SendAsync(new ThinHost<api::Program>(bus.AmqpConnectionString, bus.AdminConnectionString, data.Path), request),
            "retraining" => await SendAsync(new ThinHost<retraining::Program>(bus.AmqpConnectionString, bus.AdminConnectionString, data.Path), request),
            _ => await SendAsync(new ThinHost<orchestrator::Program>(bus.AmqpConnectionString, bus.AdminConnectionString, data.Path), request),
        };

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(status, problem.GetProperty("status").GetInt32());
        Assert.True(problem.TryGetProperty("errors", out _), problem.ToString());
    }

    private static async Task<HttpResponseMessage> SendAsync<TProgram>(ThinHost<TProgram> host, HttpRequestMessage request)
        where TProgram : class
    {
        await using (host)
        {
            using var client = host.CreateApiClient();
            var response = await client.SendAsync(request);
            // Read before the host stops, so the body outlives it.
            await response.Content.LoadIntoBufferAsync();
            return response;
        }
    }
}
