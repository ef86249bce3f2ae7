using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AiWorkload.ServiceDefaults.Tests;

/// <summary>Every HttpClient from the factory resolves service names and retries transient failures, as in the Aspire template.</summary>
public sealed class HttpClientDefaultsTests
{
    [Fact]
    public async Task A_client_reaches_a_service_by_name_and_retries_a_transient_failure()
    {
        var calls = 0;
        var target = WebApplication.CreateSlimBuilder();
        target.WebHost.UseUrls("http://127.0.0.1:0");
        await using var service = target.Build();
        service.MapGet("/flaky", () => Interlocked.Increment(ref calls) == 1 ? Results.StatusCode(503) : Results.Ok());
        await service.StartAsync();
        var address = service.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

        var builder = Host.CreateApplicationBuilder();
        builder.Configuration["Services:models:http:0"] = address;
        builder.AddServiceDefaults();
        using var host = builder.Build();
        using var client = host.Services.GetRequiredService<IHttpClientFactory>().CreateClient();

        var response = await client.GetAsync(new Uri("http://models/flaky"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, calls);
    }
}
