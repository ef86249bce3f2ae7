using AiWorkload.Messaging.Transport;

namespace AiWorkload.Messaging.Tests.Transport;

/// <summary>The administration client must reach the namespace Aspire's ServiceBusClient reaches, read by the same rules.</summary>
public sealed class ServiceBusConnectionInfoTests
{
    private const string SasConnection = "Endpoint=sb://contoso.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=a2V5=";

    [Theory]
    [InlineData("contoso.servicebus.windows.net", "contoso.servicebus.windows.net")]
    [InlineData("https://contoso.servicebus.windows.net:443/", "contoso.servicebus.windows.net")]
    [InlineData("Endpoint=sb://contoso.servicebus.windows.net/", "contoso.servicebus.windows.net")]
    [InlineData("Endpoint=sb://contoso.servicebus.windows.net/;EntityPath=model-retraining", "contoso.servicebus.windows.net")]
    public void A_namespace_alone_is_a_namespace_for_a_token_credential(string value, string expected)
    {
        var info = ServiceBusConnectionInfo.Parse(value);

        Assert.Equal(expected, info.FullyQualifiedNamespace);
        Assert.Null(info.ConnectionString);
    }

    [Fact]
    public void A_key_connection_string_is_kept_as_written()
    {
        Assert.Equal(SasConnection, ServiceBusConnectionInfo.Parse(SasConnection).ConnectionString);
    }

    [Fact]
    public void The_emulator_connection_string_keeps_its_port_and_development_flag()
    {
        const string emulator = "Endpoint=sb://localhost:52341;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=SAS_KEY_VALUE;UseDevelopmentEmulator=true;";

        Assert.Equal(emulator, ServiceBusConnectionInfo.Parse(emulator).ConnectionString);
    }

    [Fact]
    public void EntityPath_is_dropped_because_the_client_serves_the_whole_namespace()
    {
        var info = ServiceBusConnectionInfo.Parse(SasConnection + ";EntityPath=workload-events/Subscriptions/training");

        Assert.Equal(SasConnection, info.ConnectionString);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Nothing_configured_is_empty(string? value)
    {
        Assert.True(ServiceBusConnectionInfo.Parse(value).IsEmpty);
        Assert.True(ServiceBusConnectionInfo.Resolve(null, value, null, null).IsEmpty);
    }

    [Fact]
    public void An_administration_connection_string_wins_because_the_emulator_serves_administration_on_another_port()
    {
        const string admin = "Endpoint=sb://localhost:5300;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=SAS_KEY_VALUE;UseDevelopmentEmulator=true;";

        var info = ServiceBusConnectionInfo.Resolve(admin, "Endpoint=sb://localhost:5672;SharedAccessKeyName=x;SharedAccessKey=y", null, null);

        Assert.Equal(admin, info.ConnectionString);
    }

    [Fact]
    public void The_named_connection_string_overrides_the_settings_section_as_in_Aspire()
    {
        Assert.Equal(SasConnection, ServiceBusConnectionInfo.Resolve(null, SasConnection, "Endpoint=sb://other/;SharedAccessKeyName=a;SharedAccessKey=b", null).ConnectionString);
        Assert.Equal("contoso.servicebus.windows.net", ServiceBusConnectionInfo.Resolve(null, "contoso.servicebus.windows.net", null, "other.servicebus.windows.net").FullyQualifiedNamespace);
    }

    [Fact]
    public void A_connection_string_wins_over_a_namespace_as_in_Aspires_client_factory()
    {
        var info = ServiceBusConnectionInfo.Resolve(null, "contoso.servicebus.windows.net", SasConnection, null);

        Assert.Equal(SasConnection, info.ConnectionString);
        Assert.Null(info.FullyQualifiedNamespace);
    }

    [Fact]
    public void The_settings_section_alone_is_enough()
    {
        Assert.Equal("contoso.servicebus.windows.net", ServiceBusConnectionInfo.Resolve(null, null, null, "contoso.servicebus.windows.net").FullyQualifiedNamespace);
        Assert.Equal(SasConnection, ServiceBusConnectionInfo.Resolve(null, null, SasConnection, null).ConnectionString);
    }
}
