using AiWorkload.Messaging.Topology.AppModel;
using Azure.Identity;
using Azure.Messaging.ServiceBus;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AiWorkload.ThinHosts.Tests;

/// <summary>
/// What publish mode hands the hosts: a namespace without a key, as <c>Endpoint=sb://…/</c> or as the host name alone;
/// both reach that namespace with a token credential (DefaultAzureCredential unless one is given). Nothing connects here.
/// </summary>
public sealed class ConnectionFormsTests
{
    [Theory]
    [InlineData("Endpoint=sb://contoso.servicebus.windows.net/")]
    [InlineData("Endpoint=sb://contoso.servicebus.windows.net/;")]
    [InlineData("contoso.servicebus.windows.net")]
    public async Task A_namespace_without_a_key_is_reached_with_a_token_credential(string connectionString)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"ConnectionStrings:{ServiceBusHosting.ConnectionName}"] = connectionString,
        });
        builder.AddAzureServiceBusTransport(configure: options => options.Credential = new DefaultAzureCredential());
        using var host = builder.Build();

        await using var client = host.Services.GetRequiredService<ServiceBusClient>();

        Assert.Equal("contoso.servicebus.windows.net", client.FullyQualifiedNamespace);
    }
}
