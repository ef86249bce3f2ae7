namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Returned by AddMessaging; message types and processors are added to it, as eShop's IEventBusBuilder.</summary>
public interface IMessagingBuilder
{
    IServiceCollection Services { get; }
}
