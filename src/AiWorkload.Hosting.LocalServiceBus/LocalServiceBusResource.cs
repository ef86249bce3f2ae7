// Targets Aspire.Hosting 13.6.5: ExecutableResource(name, command, workingDirectory), IResourceWithConnectionString
// (ConnectionStringExpression), EndpointReference(IResourceWithEndpoints, string), EndpointProperty.Port, ReferenceExpression.Create.
using Aspire.Hosting.ApplicationModel;

namespace AiWorkload.Hosting.LocalServiceBus;

/// <summary>
/// The local Service Bus host (AiWorkload.ServiceBus) run by <c>dotnet</c> as an Aspire executable: AMQP on the
/// <see cref="AmqpEndpointName"/> endpoint, administration and <c>/health</c> on the <see cref="HttpEndpointName"/> one.
/// Its connection string is the one the official emulator documents, so clients written for the emulator work unchanged.
/// </summary>
public sealed class LocalServiceBusResource(string name, string command, string workingDirectory)
    : ExecutableResource(name, command, workingDirectory), IResourceWithConnectionString
{
    public const string AmqpEndpointName = "amqp";
    public const string HttpEndpointName = "http";

    /// <summary>The emulator's fixed development key: everything after the endpoint.</summary>
    public const string EmulatorCredentials = "SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=SAS_KEY_VALUE;UseDevelopmentEmulator=true;";

    public EndpointReference AmqpEndpoint => new(this, AmqpEndpointName);

    public EndpointReference HttpEndpoint => new(this, HttpEndpointName);

    /// <summary><c>Endpoint=sb://localhost:{amqp port};…;UseDevelopmentEmulator=true;</c></summary>
    public ReferenceExpression ConnectionStringExpression =>
        ReferenceExpression.Create($"Endpoint=sb://localhost:{AmqpEndpoint.Property(EndpointProperty.Port)};{EmulatorCredentials}");

    /// <summary>For <c>ServiceBusAdministrationClient</c>: the same key on the HTTP port, as on the official emulator 2.0.</summary>
    public ReferenceExpression AdministrationConnectionStringExpression =>
        ReferenceExpression.Create($"Endpoint=sb://localhost:{HttpEndpoint.Property(EndpointProperty.Port)};{EmulatorCredentials}");
}
