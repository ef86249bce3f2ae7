// Targets OpenTelemetry.Extensions.Hosting, OpenTelemetry.Instrumentation.AspNetCore / Http / Runtime and
// OpenTelemetry.Exporter.OpenTelemetryProtocol 1.21.0; see Directory.Packages.props.
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Microsoft.Extensions.Hosting;

public static class TelemetryExtensions
{
    /// <summary>The project's own sources and the Azure SDK's (switched on in the thin hosts' runtimeconfig).</summary>
    public static readonly IReadOnlyList<string> ActivitySources = ["AiWorkload.*", "Azure.Messaging.ServiceBus.*"];

    /// <summary>The project's own meters; ASP.NET Core, HttpClient and the runtime come from the instrumentation packages.</summary>
    public static readonly IReadOnlyList<string> Meters = ["AiWorkload.*"];

    /// <summary>
    /// As the Aspire template: logs, metrics and traces through OpenTelemetry with ASP.NET Core, HttpClient and runtime
    /// instrumentation, plus the AiWorkload.* sources and meters; exported over OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>
    /// is set (the AppHost sets it, so the dashboard shows everything). The standard OTEL_* settings are read from configuration.
    /// </summary>
    public static TBuilder ConfigureOpenTelemetry<TBuilder>(this TBuilder builder)
        where TBuilder : IHostApplicationBuilder
    {
        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
        });

        var otel = builder.Services.AddOpenTelemetry()
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter([.. Meters]))
            .WithTracing(tracing => tracing
                .AddSource(builder.Environment.ApplicationName)
                .AddSource([.. ActivitySources])
                .AddAspNetCoreInstrumentation(aspNetCore => aspNetCore.Filter = IsNotProbe)
                .AddHttpClientInstrumentation());

        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            otel.UseOtlpExporter();
        }

        return builder;
    }

    /// <summary>Health probes are not traced: they would drown the requests that matter.</summary>
    private static bool IsNotProbe(HttpContext context) =>
        !context.Request.Path.StartsWithSegments(ServiceDefaultsExtensions.HealthEndpointPath)
        && !context.Request.Path.StartsWithSegments(ServiceDefaultsExtensions.AlivenessEndpointPath);
}
