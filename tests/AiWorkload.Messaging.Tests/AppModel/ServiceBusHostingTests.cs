using AiWorkload.Messaging.Topology.AppModel;

namespace AiWorkload.Messaging.Tests.AppModel;

public sealed class ServiceBusHostingTests
{
    [Fact]
    public void A_run_without_a_connection_string_uses_the_emulator()
    {
        Assert.Equal(ServiceBusHostingMode.LocalServiceBus, ServiceBusHosting.SelectMode(isPublishMode: false, configuredConnectionString: null));
        Assert.Equal(ServiceBusHostingMode.LocalServiceBus, ServiceBusHosting.SelectMode(isPublishMode: false, configuredConnectionString: " "));
    }

    [Fact]
    public void A_configured_connection_string_selects_the_existing_namespace()
    {
        Assert.Equal(ServiceBusHostingMode.ExistingNamespace, ServiceBusHosting.SelectMode(false, "contoso.servicebus.windows.net"));
    }

    [Fact]
    public void Publishing_never_creates_a_namespace_because_infra_owns_production_Service_Bus()
    {
        Assert.Equal(ServiceBusHostingMode.ExistingNamespace, ServiceBusHosting.SelectMode(isPublishMode: true, configuredConnectionString: null));
    }

    [Fact]
    public void The_administration_key_and_variable_name_the_same_setting()
    {
        Assert.Equal(ServiceBusHosting.AdministrationConnectionStringVariable, ServiceBusHosting.AdministrationConnectionStringKey.Replace(":", "__", StringComparison.Ordinal));
    }
}
