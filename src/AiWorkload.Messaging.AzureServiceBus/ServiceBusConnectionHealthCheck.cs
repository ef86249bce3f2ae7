// Targets Azure.Messaging.ServiceBus 7.21.0 (ServiceBusClient.CreateReceiver, ServiceBusReceiver.PeekMessageAsync).
using Azure.Messaging.ServiceBus;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AiWorkload.Messaging.AzureServiceBus;

/// <summary>
/// Healthy while the namespace answers: peeks one message (nothing is locked) from a queue every host may read, as
/// Aspire's Service Bus client integration does. AddAzureServiceBusTransport registers it as the check named "servicebus".
/// </summary>
internal sealed class ServiceBusConnectionHealthCheck(ServiceBusClient client, string queueName) : IHealthCheck, IAsyncDisposable
{
    private readonly Lazy<ServiceBusReceiver> _receiver = new(() => client.CreateReceiver(queueName));

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await _receiver.Value.PeekMessageAsync(cancellationToken: cancellationToken);
            return HealthCheckResult.Healthy($"{client.FullyQualifiedNamespace} answers.");
        }
        catch (Exception exception) when (exception is ServiceBusException or UnauthorizedAccessException or Azure.Identity.AuthenticationFailedException or TimeoutException)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, $"{client.FullyQualifiedNamespace} does not answer on {queueName}.", exception);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_receiver.IsValueCreated)
        {
            await _receiver.Value.DisposeAsync();
        }
    }
}
