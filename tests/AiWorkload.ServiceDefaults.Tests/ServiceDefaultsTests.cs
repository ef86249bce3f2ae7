using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AiWorkload.ServiceDefaults.Tests;

public sealed class ServiceDefaultsTests
{
    [Fact]
    public async Task Health_reports_every_check_and_alive_only_the_live_ones()
    {
        await using var app = await StartAsync(builder =>
            builder.Services.AddHealthChecks().AddCheck("database", () => HealthCheckResult.Unhealthy("down")));
        using var http = new HttpClient { BaseAddress = BaseAddress(app) };

        var health = await http.GetAsync(new Uri("/health", UriKind.Relative));
        var alive = await http.GetAsync(new Uri("/alive", UriKind.Relative));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        Assert.Equal("Unhealthy", await health.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, alive.StatusCode);
        Assert.Equal("Healthy", await alive.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Traces_metrics_and_logs_are_exported_over_OTLP_when_an_endpoint_is_configured()
    {
        var received = new ConcurrentDictionary<string, int>();
        await using var collector = await StartCollectorAsync(received);
        var app = await StartAsync(builder =>
        {
            builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"] = BaseAddress(collector).ToString();
            builder.Configuration["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf";
            builder.Configuration["OTEL_SERVICE_NAME"] = "defaults-test";
        });
        using (var http = new HttpClient { BaseAddress = BaseAddress(app) })
        {
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri("/alive", UriKind.Relative))).StatusCode);
        }

        using (var source = new ActivitySource("AiWorkload.Tests"))
        using (source.StartActivity("custom work"))
        {
            app.Services.GetRequiredService<ILogger<ServiceDefaultsTests>>().LogWarning("something worth exporting");
        }

        await app.StopAsync();
        await app.DisposeAsync(); // disposal flushes every exporter

        Assert.True(received.ContainsKey("/v1/traces"), "no traces: " + string.Join(", ", received.Keys));
        Assert.True(received.ContainsKey("/v1/metrics"), "no metrics: " + string.Join(", ", received.Keys));
        Assert.True(received.ContainsKey("/v1/logs"), "no logs: " + string.Join(", ", received.Keys));
    }

    [Fact]
    public async Task Nothing_is_exported_without_an_endpoint()
    {
        await using var app = await StartAsync(_ => { });
        Assert.NotNull(app.Services.GetService<OpenTelemetry.Trace.TracerProvider>());
        Assert.NotNull(app.Services.GetService<OpenTelemetry.Metrics.MeterProvider>());
    }

    private static async Task<WebApplication> StartAsync(Action<WebApplicationBuilder> configure)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        configure(builder);
        builder.AddServiceDefaults();
        var app = builder.Build();
        app.MapDefaultEndpoints();
        await app.StartAsync();
        return app;
    }

    /// <summary>A stand-in for the Aspire dashboard's OTLP/HTTP receiver that records which signal paths were posted.</summary>
    private static async Task<WebApplication> StartCollectorAsync(ConcurrentDictionary<string, int> received)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var collector = builder.Build();
        collector.MapPost("/v1/{signal}", async (HttpContext context) =>
        {
            await context.Request.Body.CopyToAsync(Stream.Null);
            received.AddOrUpdate(context.Request.Path, 1, (_, n) => n + 1);
            return Results.Ok();
        });
        await collector.StartAsync();
        return collector;
    }

    private static Uri BaseAddress(WebApplication app) =>
        new(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
}
