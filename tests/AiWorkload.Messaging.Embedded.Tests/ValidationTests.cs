using AiWorkload.Messaging.Embedded.Messages;
using AiWorkload.Messaging.Topology;

namespace AiWorkload.Messaging.Embedded.Tests;

public sealed class ValidationTests
{
    [Theory]
    [InlineData("", "empty")]
    [InlineData("/leading", "start or end")]
    [InlineData("trailing/", "start or end")]
    [InlineData("has@at", "'@'")]
    [InlineData("has?question", "'?'")]
    [InlineData("has#hash", "'#'")]
    [InlineData("has*star", "'*'")]
    public async Task Invalid_queue_names_are_rejected_with_the_reason(string name, string reason)
    {
        var error = await Assert.ThrowsAsync<TopologyException>(() => TestEngine.OpenWithQueueAsync(new QueueDefinition(name)));
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_path_longer_than_260_characters_is_rejected()
    {
        var error = await Assert.ThrowsAsync<TopologyException>(() => TestEngine.OpenWithQueueAsync(new QueueDefinition(new string('q', 261))));
        Assert.Contains("260", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, "LockDuration")]
    [InlineData(301, "LockDuration")]
    public async Task Lock_durations_outside_the_service_range_are_rejected(int seconds, string field)
    {
        var error = await Assert.ThrowsAsync<TopologyException>(() =>
            TestEngine.OpenWithQueueAsync(new QueueDefinition("jobs") { LockDuration = TimeSpan.FromSeconds(seconds) }));
        Assert.Contains(field, error.Location, StringComparison.Ordinal);
        Assert.Contains("queue 'jobs'", error.Location, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_message_over_the_size_limit_is_rejected_and_nothing_of_its_batch_is_accepted()
    {
        await using var bus = await TestEngine.OpenWithQueueAsync(new QueueDefinition("jobs"));
        var big = new OutgoingMessage(new byte[256 * 1024]) { MessageId = "big" };

        var error = await Assert.ThrowsAsync<MessagingException>(() => bus.SendAsync("jobs", [TestEngine.Message("small"), big]));

        Assert.Equal(MessagingErrorReason.MessageSizeExceeded, error.Reason);
        Assert.Contains("'big'", error.Message, StringComparison.Ordinal);
        Assert.Empty(bus.Peek("jobs", 0, 10));
    }

    [Fact]
    public async Task The_size_limit_is_configurable()
    {
        await using var bus = await EmbeddedServiceBus.OpenAsync(new EmbeddedServiceBusOptions
        {
            Topology = new TopologyModel([new QueueDefinition("jobs")], []),
            MaxMessageSizeBytes = 1024 * 1024,
        });
        await bus.SendAsync("jobs", new OutgoingMessage(new byte[512 * 1024]));
        Assert.Single(bus.Peek("jobs", 0, 10));
    }

    [Theory]
    [InlineData("MessageId")]
    [InlineData("SessionId")]
    public async Task Identifiers_longer_than_128_characters_are_rejected(string field)
    {
        await using var bus = await TestEngine.OpenWithQueueAsync(new QueueDefinition("jobs"));
        var message = TestEngine.Message("x");
        if (field == "MessageId")
        {
            message.MessageId = new string('m', 129);
        }
        else
        {
            message.SessionId = new string('s', 129);
        }

        var error = await Assert.ThrowsAsync<MessagingException>(() => bus.SendAsync("jobs", message));
        Assert.Equal(MessagingErrorReason.InvalidMessage, error.Reason);
        Assert.Contains(field, error.Message, StringComparison.Ordinal);
        Assert.Contains("128", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Application_property_values_must_be_Service_Bus_primitives()
    {
        await using var bus = await TestEngine.OpenWithQueueAsync(new QueueDefinition("jobs"));
        var message = TestEngine.Message("x", "m-1");
        message.ApplicationProperties["complex"] = new List<int> { 1 };

        var error = await Assert.ThrowsAsync<MessagingException>(() => bus.SendAsync("jobs", message));

        Assert.Contains("'complex'", error.Message, StringComparison.Ordinal);
        Assert.Equal("jobs", error.EntityPath);
    }

    [Fact]
    public async Task Entities_can_be_created_listed_and_deleted_at_runtime()
    {
        await using var bus = await TestEngine.OpenAsync(TopologyModel.Empty);
        await bus.CreateQueueAsync(new QueueDefinition("runtime"));
        await bus.SendAsync("runtime", TestEngine.Message("x"));
        Assert.Contains("runtime", bus.GetQueueNames());

        var exists = await Assert.ThrowsAsync<MessagingException>(() => bus.CreateQueueAsync(new QueueDefinition("RUNTIME")));
        Assert.Equal(MessagingErrorReason.MessagingEntityAlreadyExists, exists.Reason);

        await bus.DeleteQueueAsync("runtime");
        Assert.Equal(MessagingErrorReason.MessagingEntityNotFound, (await Assert.ThrowsAsync<MessagingException>(() => bus.SendAsync("runtime", TestEngine.Message("x")))).Reason);
    }
}
