// Targets Yarp.ReverseProxy 2.3.0 (AddReverseProxy, LoadFromMemory, MapReverseProxy) and
// Microsoft.Extensions.ServiceDiscovery.Yarp 11.0.0 (AddServiceDiscoveryDestinationResolver).
using AiWorkload.Api.Gateway;

namespace Microsoft.Extensions.Hosting;

/// <summary><c>AddServiceGateway()</c> / <c>MapServiceGateway()</c>: the api forwards what the other two services serve.</summary>
public static class GatewayExtensions
{
    public static IHostApplicationBuilder AddServiceGateway(this IHostApplicationBuilder builder)
    {
        builder.Services.AddReverseProxy()
            .LoadFromMemory(GatewayRoutes.Routes, GatewayRoutes.Clusters)
            .AddServiceDiscoveryDestinationResolver();
        return builder;
    }

    public static WebApplication MapServiceGateway(this WebApplication app)
    {
        app.MapReverseProxy();
        return app;
    }
}
