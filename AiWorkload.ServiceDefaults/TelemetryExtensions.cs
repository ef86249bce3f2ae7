using AiWorkload.ServiceDefaults;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Microsoft.Extensions.Hosting;

public static class TelemetryExtensions
{
    /// <summary>The sources ASP.NET Core and HttpClient publish natively in .NET 10, the project's own, and the Azure SDK's (on the edge).</summary>
    public static readonly IReadOnlyList<string> ActivitySources = ["Microsoft.AspNetCore", "System.Net.Http", "AiWorkload.*", "Azure.Messaging.ServiceBus.*"];

    public static readonly IReadOnlyList<string> Meters =
        ["Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", "Microsoft.AspNetCore.Http.Connections", "System.Net.Http", "System.Runtime", "AiWorkload.*"];

    /// <summary>
    /// Traces, metrics and logs through OpenTelemetry, exported over OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set
    /// (the Aspire AppHost sets it, so the dashboard shows everything). The standard OTEL_* variables are honoured.
    /// </summary>
    public static TBuilder AddDefaultTelemetry<TBuilder>(this TBuilder builder)
        where TBuilder : IHostApplicationBuilder
    {
        var endpoint = builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"];
        var exportOtlp = !string.IsNullOrWhiteSpace(endpoint);
        var protocol = builder.Configuration["OTEL_EXPORTER_OTLP_PROTOCOL"] == "http/protobuf" ? OtlpExportProtocol.HttpProtobuf : OtlpExportProtocol.Grpc;
        var serviceName = builder.Configuration["OTEL_SERVICE_NAME"] ?? builder.Environment.ApplicationName;

        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
            logging.SetResourceBuilder(ResourceBuilder.CreateDefault().AddService(serviceName));
            if (exportOtlp)
            {
                logging.AddOtlpExporter(otlp =>
                {
                    otlp.Protocol = protocol;
                    otlp.Endpoint = SignalEndpoint(endpoint!, protocol, "logs");
                });
            }
        });

        builder.Services.AddSingleton(_ => OpenTelemetrySdk.Create(otel =>
        {
            otel.ConfigureResource(resource => resource.AddService(serviceName));
            otel.WithTracing(tracing => tracing.AddSource([.. ActivitySources]));
            otel.WithMetrics(metrics => metrics.AddMeter([.. Meters]));
            if (exportOtlp)
            {
                // Explicit values: the SDK's own container does not see the host's configuration, only its environment.
                otel.UseOtlpExporter(protocol, new Uri(endpoint!));
            }
        }));
        builder.Services.AddHostedService<TelemetryLifetime>();
        return builder;
    }

    /// <summary>Over HTTP each signal has its own path; gRPC uses the base endpoint.</summary>
    private static Uri SignalEndpoint(string endpoint, OtlpExportProtocol protocol, string signal) =>
        protocol == OtlpExportProtocol.HttpProtobuf ? new Uri(new Uri(endpoint.TrimEnd('/') + "/"), $"v1/{signal}") : new Uri(endpoint);
}
