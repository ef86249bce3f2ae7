using AiWorkload.Messaging;

namespace Microsoft.Extensions.DependencyInjection;

internal sealed class MessageProcessorBuilder(IServiceCollection services, MessageSource source) : IMessageProcessorBuilder
{
    public IServiceCollection Services { get; } = services;

    public MessageSource Source { get; } = source;
}
