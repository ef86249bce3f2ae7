using System.Net.Http.Json;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AiWorkload.ServiceDefaults.Tests;

/// <summary>What AddServiceDefaults / MapDefaultEndpoints make of errors no endpoint wrote: ProblemDetails naming the cause, over real HTTP.</summary>
public sealed class ProblemDefaultsTests
{
    [Theory]
    [InlineData("GET", "/missing", null, null, 404, "path")]
    [InlineData("DELETE", "/items/1", null, null, 405, "method")]
    [InlineData("GET", "/items/abc", null, null, 400, "id")]
    [InlineData("POST", "/items", "application/json", "{broken", 400, "item")]
    [InlineData("POST", "/items", "text/plain", "{}", 415, "Content-Type")]
    [InlineData("POST", "/items", "application/json; charset=nope", "{}", 415, "Content-Type")]
    public async Task Client_errors_are_problems_naming_what_was_wrong(string method, string path, string? contentType, string? body, int status, string field)
    {
        await using var app = await StartAsync();
        using var http = new HttpClient { BaseAddress = BaseAddress(app) };
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative));
        if (body is not null)
        {
            request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
            request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        }

        using var response = await http.SendAsync(request);

        var problem = await ProblemJson.ReadAsync(response, status);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Fact]
    public async Task A_server_fault_is_a_500_problem_that_reveals_nothing()
    {
        await using var app = await StartAsync();
        using var http = new HttpClient { BaseAddress = BaseAddress(app) };

        using var response = await http.GetAsync(new Uri("/fault", UriKind.Relative));

        var problem = await ProblemJson.ReadAsync(response, 500);
        Assert.DoesNotContain("secret", problem.ToString(), StringComparison.Ordinal);
    }

    private static async Task<WebApplication> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.AddServiceDefaults();
        var app = builder.Build();
        app.MapDefaultEndpoints();
        app.MapGet("/items/{id}", (int id) => Results.Ok(id));
        app.MapPost("/items", (Item item) => Results.Ok(item));
        app.MapGet("/fault", IResult () => throw new InvalidOperationException("secret connection string"));
        await app.StartAsync();
        return app;
    }

    private static Uri BaseAddress(WebApplication app) =>
        new(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
}
