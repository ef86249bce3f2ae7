using AiWorkload.ServiceBus.Testing;
using Azure.Messaging.ServiceBus;
using Azure.Messaging.ServiceBus.Administration;

namespace AiWorkload.Messaging.Administration.Tests;

public sealed class AmqpTests
{
    [Fact]
    public async Task Entities_made_by_the_administration_client_are_used_at_once_over_amqp()
    {
        await using var host = await LocalHost.StartAsync();
        var admin = host.Admin();
        await using var client = host.Client();

        await admin.CreateQueueAsync("amqp-queue");
        await client.CreateSender("amqp-queue").SendMessageAsync(new ServiceBusMessage("hello"));
        var received = await client.CreateReceiver("amqp-queue").ReceiveMessageAsync(TimeSpan.FromSeconds(10));
        Assert.Equal("hello", received.Body.ToString());

        await admin.CreateTopicAsync("amqp-topic");
        var sender = client.CreateSender("amqp-topic");
        await sender.SendMessageAsync(new ServiceBusMessage("before"));
        await admin.CreateSubscriptionAsync(new CreateSubscriptionOptions("amqp-topic", "late"), new CreateRuleOptions("blue", new CorrelationRuleFilter { Subject = "blue" }));
        await sender.SendMessageAsync(new ServiceBusMessage("red") { Subject = "red" });
        await sender.SendMessageAsync(new ServiceBusMessage("next") { Subject = "blue" });
        var first = await client.CreateReceiver("amqp-topic", "late").ReceiveMessageAsync(TimeSpan.FromSeconds(10));
        Assert.Equal("next", first.Body.ToString());

        var deleted = client.CreateSender("amqp-queue");
        await admin.DeleteQueueAsync("amqp-queue");
        var error = await Assert.ThrowsAsync<ServiceBusException>(() => deleted.SendMessageAsync(new ServiceBusMessage("gone")));
        Assert.Equal(ServiceBusFailureReason.MessagingEntityNotFound, error.Reason);
    }

    [Fact]
    public async Task A_restart_keeps_entities_and_their_settings()
    {
        var host = await LocalHost.StartAsync();
        var admin = host.Admin();
        await admin.CreateQueueAsync(new CreateQueueOptions("kept") { MaxDeliveryCount = 4, RequiresSession = true, LockDuration = TimeSpan.FromSeconds(40) });
        await admin.CreateTopicAsync("kept-topic");
        await admin.CreateSubscriptionAsync(new CreateSubscriptionOptions("kept-topic", "s") { MaxDeliveryCount = 6 }, new CreateRuleOptions("r", new SqlRuleFilter("a = 1")));
        var queue = (await admin.GetQueueAsync("kept")).Value;
        queue.MaxDeliveryCount = 8;
        await admin.UpdateQueueAsync(queue);

        host = await host.RestartAsync();
        await using (host)
        {
            admin = host.Admin();
            var kept = (await admin.GetQueueAsync("kept")).Value;
            Assert.Equal(8, kept.MaxDeliveryCount);
            Assert.True(kept.RequiresSession);
            Assert.Equal(TimeSpan.FromSeconds(40), kept.LockDuration);
            Assert.Equal(6, (await admin.GetSubscriptionAsync("kept-topic", "s")).Value.MaxDeliveryCount);
            Assert.Equal("a = 1", ((SqlRuleFilter)(await admin.GetRuleAsync("kept-topic", "s", "r")).Value.Filter).SqlExpression);
        }
    }
}
