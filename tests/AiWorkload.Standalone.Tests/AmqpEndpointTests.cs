using System.Net;
using System.Net.Sockets;
using AiWorkload.Messaging.Amqp.Hosting;
using Azure.Messaging.ServiceBus;
using Microsoft.Extensions.DependencyInjection;

namespace AiWorkload.Standalone.Tests;

public sealed class AmqpEndpointTests
{
    [Fact]
    public async Task With_an_amqp_port_the_official_sdk_reaches_the_running_standalone_engine()
    {
        await using var app = new StandaloneApp(amqpPort: FreePort());
        using var api = app.CreateApiClient();
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync(new Uri("/health", UriKind.Relative))).StatusCode);
        var connectionString = app.Services.GetRequiredService<AmqpEndpointState>().ConnectionString;
        Assert.NotNull(connectionString);

        await using var client = new ServiceBusClient(connectionString);
        await using var sender = client.CreateSender("workload-events");
        var probe = new ServiceBusMessage("{}") { MessageId = "outside-tool-probe", Subject = "Probe" };
        probe.ApplicationProperties["trigger"] = "model_training";
        await sender.SendMessageAsync(probe);

        // Nothing in the product reads the stage subscription, so an outside tool can look at what reached it.
        await using var receiver = client.CreateReceiver("workload-events", "training");
        var peeked = await receiver.PeekMessageAsync();
        Assert.NotNull(peeked);
        Assert.Equal("outside-tool-probe", peeked.MessageId);
        Assert.Equal("model_training", peeked.ApplicationProperties["trigger"]);
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
