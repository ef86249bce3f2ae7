using AiWorkload.Messaging.Administration.Routing;
using AiWorkload.Messaging.Administration.Security;
using AiWorkload.Messaging.Amqp.Hosting;
using AiWorkload.Messaging.Amqp.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Microsoft.Extensions.DependencyInjection;

public static class AdministrationExtensions
{
    /// <summary>
    /// The administration API of the process's embedded engine (AddEmbeddedServiceBus), for ServiceBusAdministrationClient.
    /// It accepts the keys of the AMQP face (<c>ServiceBus:Amqp:Keys</c>, default the emulator's development key).
    /// </summary>
    public static IHostApplicationBuilder AddServiceBusAdministration(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var settings = new AmqpEndpointSettings();
        builder.Configuration.GetSection(AmqpEndpointSettings.SectionName).Bind(settings);
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(services => new SasAuthorizer(new SasTokenValidator(
            settings.Keys.Count > 0 ? [.. settings.Keys.Select(k => k.ToKey())] : [SharedAccessKey.DevelopmentDefault],
            services.GetRequiredService<TimeProvider>())));
        builder.Services.AddSingleton<AdministrationHandler>();
        return builder;
    }

    /// <summary>Serves every address the SDK uses ($namespaceinfo, $Resources/..., entities, subscriptions, rules) below the root.</summary>
    public static IEndpointConventionBuilder MapServiceBusAdministration(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        return endpoints.MapMethods("/{**path}", [HttpMethods.Get, HttpMethods.Put, HttpMethods.Delete],
            (HttpContext http, AdministrationHandler handler) => handler.HandleAsync(http));
    }

    /// <summary>The connection string ServiceBusAdministrationClient takes: the HTTP port, with UseDevelopmentEmulator for plain HTTP.</summary>
    public static string AdministrationConnectionString(string host, int httpPort, SharedAccessKey? key = null)
    {
        key ??= SharedAccessKey.DevelopmentDefault;
        return $"Endpoint=sb://{host}:{httpPort};SharedAccessKeyName={key.Name};SharedAccessKey={key.Key};UseDevelopmentEmulator=true;";
    }
}
