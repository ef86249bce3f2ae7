using AiWorkload.ServiceBus.Testing;
using Azure.Messaging.ServiceBus;
using Azure.Messaging.ServiceBus.Administration;

namespace AiWorkload.Messaging.Administration.Tests;

public sealed class QueueTests
{
    [Fact]
    public async Task Queues_are_created_read_listed_updated_counted_and_deleted()
    {
        await using var host = await LocalHost.StartAsync();
        var admin = host.Admin();
        var options = new CreateQueueOptions("admin-orders")
        {
            LockDuration = TimeSpan.FromSeconds(45),
            MaxDeliveryCount = 7,
            DefaultMessageTimeToLive = TimeSpan.FromHours(2),
            DeadLetteringOnMessageExpiration = true,
            RequiresDuplicateDetection = true,
            DuplicateDetectionHistoryTimeWindow = TimeSpan.FromMinutes(3),
            MaxSizeInMegabytes = 2048,
            EnablePartitioning = true,
        };

        QueueProperties created = await admin.CreateQueueAsync(options);
        Assert.Equal("admin-orders", created.Name);
        Assert.Equal(TimeSpan.FromSeconds(45), created.LockDuration);

        QueueProperties read = await admin.GetQueueAsync("admin-orders");
        Assert.Equal(7, read.MaxDeliveryCount);
        Assert.Equal(TimeSpan.FromHours(2), read.DefaultMessageTimeToLive);
        Assert.True(read.DeadLetteringOnMessageExpiration);
        Assert.True(read.RequiresDuplicateDetection);
        Assert.Equal(TimeSpan.FromMinutes(3), read.DuplicateDetectionHistoryTimeWindow);
        Assert.Equal(2048, read.MaxSizeInMegabytes);
        Assert.True(read.EnablePartitioning);
        Assert.False(read.RequiresSession);
        Assert.True((await admin.QueueExistsAsync("admin-orders")).Value);
        Assert.False((await admin.QueueExistsAsync("nothing-here")).Value);

        read.MaxDeliveryCount = 3;
        read.LockDuration = TimeSpan.FromSeconds(20);
        QueueProperties updated = await admin.UpdateQueueAsync(read);
        Assert.Equal(3, updated.MaxDeliveryCount);
        Assert.Equal(TimeSpan.FromSeconds(20), (await admin.GetQueueAsync("admin-orders")).Value.LockDuration);

        var names = new List<string>();
        await foreach (var queue in admin.GetQueuesAsync())
        {
            names.Add(queue.Name);
        }

        Assert.Contains("admin-orders", names);

        await using (var client = host.Client())
        {
            await client.CreateSender("admin-orders").SendMessagesAsync([new ServiceBusMessage("a") { MessageId = "1" }, new ServiceBusMessage("bb") { MessageId = "2" }]);
            await client.CreateSender("admin-orders").ScheduleMessageAsync(new ServiceBusMessage("later"), DateTimeOffset.UtcNow.AddHours(1));
        }

        QueueRuntimeProperties runtime = await admin.GetQueueRuntimePropertiesAsync("admin-orders");
        Assert.Equal(2, runtime.ActiveMessageCount);
        Assert.Equal(1, runtime.ScheduledMessageCount);
        Assert.Equal(0, runtime.DeadLetterMessageCount);
        Assert.Equal(0, runtime.TransferMessageCount);
        Assert.True(runtime.SizeInBytes >= 3);
        Assert.True(runtime.CreatedAt > DateTimeOffset.UtcNow.AddMinutes(-5));
        Assert.True(runtime.UpdatedAt >= runtime.CreatedAt);
        Assert.True(runtime.AccessedAt >= runtime.CreatedAt);

        var counted = new List<QueueRuntimeProperties>();
        await foreach (var properties in admin.GetQueuesRuntimePropertiesAsync())
        {
            counted.Add(properties);
        }

        Assert.Contains(counted, q => q.Name == "admin-orders" && q.ActiveMessageCount == 2);

        await admin.DeleteQueueAsync("admin-orders");
        Assert.False((await admin.QueueExistsAsync("admin-orders")).Value);
    }

    [Fact]
    public async Task Listing_pages_with_skip_and_top()
    {
        await using var host = await LocalHost.StartAsync();
        var admin = host.Admin();
        for (var i = 0; i < 105; i++)
        {
            await admin.CreateQueueAsync($"paged-{i:D3}");
        }

        var names = new List<string>();
        await foreach (var page in admin.GetQueuesAsync().AsPages())
        {
            names.AddRange(page.Values.Select(q => q.Name));
        }

        Assert.Equal(105, names.Count(n => n.StartsWith("paged-", StringComparison.Ordinal)));
        Assert.Equal(names.Count, names.Distinct().Count());
    }

    [Fact]
    public async Task Namespace_properties_describe_a_standard_messaging_namespace()
    {
        await using var host = await LocalHost.StartAsync();
        NamespaceProperties properties = await host.Admin().GetNamespacePropertiesAsync();
        Assert.Equal("127.0.0.1", properties.Name);
        Assert.Equal(MessagingSku.Standard, properties.MessagingSku);
        Assert.True(properties.CreatedTime > DateTimeOffset.UtcNow.AddMinutes(-5));
    }
}
