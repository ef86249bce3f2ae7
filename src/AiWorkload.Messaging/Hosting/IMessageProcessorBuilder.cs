using AiWorkload.Messaging;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Returned by AddProcessor: handlers added to it receive the messages of <see cref="Source"/>.</summary>
public interface IMessageProcessorBuilder : IMessagingBuilder
{
    MessageSource Source { get; }
}
