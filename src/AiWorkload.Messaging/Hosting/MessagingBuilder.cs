namespace Microsoft.Extensions.DependencyInjection;

internal sealed class MessagingBuilder(IServiceCollection services) : IMessagingBuilder
{
    public IServiceCollection Services { get; } = services;
}
