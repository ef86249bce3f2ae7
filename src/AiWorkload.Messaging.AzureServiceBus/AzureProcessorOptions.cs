// Targets Azure.Messaging.ServiceBus 7.21.0: ServiceBusProcessorOptions and ServiceBusSessionProcessorOptions.
using AiWorkload.Messaging.Transport;
using Azure.Messaging.ServiceBus;

namespace AiWorkload.Messaging.AzureServiceBus;

/// <summary>
/// The port's processor settings as the SDK's options. The port's names are the SDK's names, so this is assignment only;
/// the choices are: the dispatcher settles every message itself (no auto-complete), messages are locked (peek-lock), and
/// a session's messages are handled one at a time, in order, as on the embedded engine.
/// </summary>
internal static class AzureProcessorOptions
{
    public static ServiceBusProcessorOptions ForQueue(TransportProcessorSettings settings) => new()
    {
        AutoCompleteMessages = false,
        ReceiveMode = ServiceBusReceiveMode.PeekLock,
        MaxConcurrentCalls = settings.MaxConcurrentCalls,
        PrefetchCount = settings.PrefetchCount,
        MaxAutoLockRenewalDuration = settings.MaxAutoLockRenewalDuration,
    };

    /// <summary>A null SessionIdleTimeout keeps the SDK's default (its try timeout).</summary>
    public static ServiceBusSessionProcessorOptions ForSessions(TransportProcessorSettings settings) => new()
    {
        AutoCompleteMessages = false,
        ReceiveMode = ServiceBusReceiveMode.PeekLock,
        MaxConcurrentSessions = settings.MaxConcurrentSessions,
        MaxConcurrentCallsPerSession = 1,
        PrefetchCount = settings.PrefetchCount,
        MaxAutoLockRenewalDuration = settings.MaxAutoLockRenewalDuration,
        SessionIdleTimeout = settings.SessionIdleTimeout,
    };
}
