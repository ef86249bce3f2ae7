using AiWorkload.ServiceDefaults.Problems;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// One answer to every failure, whichever endpoint, route or framework layer it comes from: RFC 7807
/// <c>application/problem+json</c> naming what was wrong. Endpoints keep writing their own, more precise problems; this
/// covers what they never see (no route, wrong method, binding failures, exceptions).
/// </summary>
public static class ProblemDefaultsExtensions
{
    private const string Applied = "AiWorkload.ProblemDefaults.Applied";

    public static IServiceCollection AddProblemDefaults(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (services.Any(d => d.ImplementationType == typeof(ClientErrorExceptionHandler)))
        {
            return services;
        }

        // First, so it is asked before the built-in writer that AddProblemDetails registers.
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IProblemDetailsWriter, ProblemJsonWriter>());
        services.AddProblemDetails();
        services.AddExceptionHandler<ClientErrorExceptionHandler>();
        // A binding failure throws, so the handler can answer with the framework's reason instead of a bare status.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        return services;
    }

    /// <summary>The exception handler, then status-code pages for bodiless errors; added once however many services call it.</summary>
    public static WebApplication UseProblemDefaults(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var properties = ((IApplicationBuilder)app).Properties;
        if (!properties.TryAdd(Applied, true))
        {
            return app;
        }

        app.UseExceptionHandler();
        app.UseStatusCodePages(async context =>
        {
            var http = context.HttpContext;
            var problems = http.RequestServices.GetRequiredService<IProblemDetailsService>();
            await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = ProblemFactory.ForStatus(http) });
        });
        return app;
    }
}
