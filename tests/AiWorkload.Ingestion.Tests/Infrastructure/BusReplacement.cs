using AiWorkload.Messaging;
using Microsoft.Extensions.DependencyInjection;

namespace AiWorkload.Ingestion.Tests.Infrastructure;

internal static class BusReplacement
{
    /// <summary>Wraps the port's real bus (internal to the messaging library) so a test can script failures around real sends.</summary>
    public static void WrapMessageBus(this IServiceCollection services, Func<IMessageBus, IMessageBus> wrap)
    {
        var original = services.Single(d => d.ServiceType == typeof(IMessageBus));
        services.Remove(original);
        services.AddSingleton(sp => wrap((IMessageBus)ActivatorUtilities.CreateInstance(sp, original.ImplementationType!)));
    }
}
