using AiWorkload.ServiceBus.Testing;
using Azure.Messaging.ServiceBus;
using Azure.Messaging.ServiceBus.Administration;

namespace AiWorkload.Messaging.Administration.Tests;

/// <summary>Done means: an app that creates its own topology at start (as NServiceBus, MassTransit or Wolverine do) runs with no Config.json.</summary>
public sealed class StartupTopologyTests
{
    [Fact]
    public async Task An_app_that_provisions_itself_with_the_administration_client_runs_with_no_config_json()
    {
        await using var host = await LocalHost.StartAsync(); // no --config: nothing describes this app's entities
        Assert.Empty(Directory.GetFiles(host.DataDirectory, "*.json", SearchOption.AllDirectories));

        // The app's start-up: create what is missing, idempotently, as frameworks do.
        var admin = host.Admin();
        foreach (var queue in new[] { "app-commands", "app-replies" })
        {
            if (!(await admin.QueueExistsAsync(queue)).Value)
            {
                await admin.CreateQueueAsync(new CreateQueueOptions(queue) { MaxDeliveryCount = 5 });
            }
        }

        if (!(await admin.TopicExistsAsync("app-events")).Value)
        {
            await admin.CreateTopicAsync("app-events");
            await admin.CreateSubscriptionAsync(new CreateSubscriptionOptions("app-events", "audit"), new CreateRuleOptions("orders", new SqlRuleFilter("sys.Label = 'order'")));
        }

        // The app runs: a command handler replies and publishes.
        await using var client = host.Client();
        await client.CreateSender("app-commands").SendMessageAsync(new ServiceBusMessage("place order"));
        var command = await client.CreateReceiver("app-commands").ReceiveMessageAsync(TimeSpan.FromSeconds(10));
        await client.CreateSender("app-replies").SendMessageAsync(new ServiceBusMessage("placed: " + command.Body));
        await client.CreateSender("app-events").SendMessageAsync(new ServiceBusMessage("order 1") { Subject = "order" });

        Assert.Equal("placed: place order", (await client.CreateReceiver("app-replies").ReceiveMessageAsync(TimeSpan.FromSeconds(10))).Body.ToString());
        Assert.Equal("order 1", (await client.CreateReceiver("app-events", "audit").ReceiveMessageAsync(TimeSpan.FromSeconds(10))).Body.ToString());
        Assert.Equal(1, (await admin.GetQueueRuntimePropertiesAsync("app-commands")).Value.ActiveMessageCount); // still locked, not completed
    }
}
