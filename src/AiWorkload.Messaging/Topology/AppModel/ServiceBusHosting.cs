namespace AiWorkload.Messaging.Topology.AppModel;

/// <summary>The names the AppHost, the service hosts and the Azure adapter agree on, and the AppHost's choice of Service Bus.</summary>
public static class ServiceBusHosting
{
    /// <summary>The connection name: <c>ConnectionStrings:messaging</c> in every service, as infra's README says.</summary>
    public const string ConnectionName = "messaging";

    /// <summary>
    /// Where the Azure adapter reads a connection string for the administration client (message counts) when it differs
    /// from the messaging one: the local Service Bus, like the official emulator, serves administration on its HTTP port, not
    /// on its AMQP port.
    /// </summary>
    public const string AdministrationConnectionStringKey = "Messaging:AzureServiceBus:AdministrationConnectionString";

    /// <summary><see cref="AdministrationConnectionStringKey"/> as an environment variable.</summary>
    public const string AdministrationConnectionStringVariable = "Messaging__AzureServiceBus__AdministrationConnectionString";

    /// <summary>Everything but the endpoint of the official emulator's fixed, documented development connection string.</summary>
    public const string EmulatorCredentials = "SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=SAS_KEY_VALUE;UseDevelopmentEmulator=true;";

    /// <summary>
    /// Publishing always targets an existing namespace: production Service Bus comes from infra (Pulumi), never from the
    /// deployment of the app. A run uses the local Service Bus unless a connection string is configured.
    /// </summary>
    public static ServiceBusHostingMode SelectMode(bool isPublishMode, string? configuredConnectionString) =>
        isPublishMode || !string.IsNullOrWhiteSpace(configuredConnectionString)
            ? ServiceBusHostingMode.ExistingNamespace
            : ServiceBusHostingMode.LocalServiceBus;
}
