using AiWorkload.Messaging.Embedded.Entities;
using AiWorkload.Messaging.Embedded.Messages;
using AiWorkload.Messaging.Topology;

namespace AiWorkload.Messaging.Embedded.Tests;

public sealed class ForwardingTests
{
    [Fact]
    public async Task A_queue_with_ForwardTo_passes_its_messages_on()
    {
        await using var bus = await TestEngine.OpenAsync(new TopologyModel([new QueueDefinition("inbox") { ForwardTo = "work" }, new QueueDefinition("work")], []));
        await bus.SendAsync("inbox", TestEngine.Message("x"));
        await bus.AssertEmptyAsync("inbox");
        Assert.Equal("x", (await bus.ReceiveOneAsync("work")).Text());
    }

    [Fact]
    public async Task Dead_lettered_messages_go_to_ForwardDeadLetteredMessagesTo_with_their_source()
    {
        await using var bus = await TestEngine.OpenAsync(new TopologyModel(
            [new QueueDefinition("work") { ForwardDeadLetteredMessagesTo = "poison" }, new QueueDefinition("poison")], []));
        await bus.SendAsync("work", TestEngine.Message("bad"));
        await bus.DeadLetterAsync("work", (await bus.ReceiveOneAsync("work")).LockToken, "Invalid");

        var forwarded = await bus.ReceiveOneAsync("poison");
        Assert.Equal("bad", forwarded.Text());
        Assert.Equal("work", forwarded.DeadLetterSource);
        Assert.Equal("Invalid", forwarded.DeadLetterReason);
        await bus.AssertEmptyAsync(EntityPaths.DeadLetter("work"));
    }

    [Fact]
    public async Task A_chain_longer_than_four_hops_dead_letters_with_MaxTransferHopCountExceeded()
    {
        var queues = Enumerable.Range(0, 6)
            .Select(i => new QueueDefinition($"hop{i}") { ForwardTo = i < 5 ? $"hop{i + 1}" : null })
            .ToList();
        await using var bus = await TestEngine.OpenAsync(new TopologyModel(queues, []));

        await bus.SendAsync("hop0", TestEngine.Message("far"));

        await bus.AssertEmptyAsync("hop5");
        var dead = await bus.ReceiveOneAsync(EntityPaths.TransferDeadLetter("hop4"));
        Assert.Equal(DeadLetterProperties.MaxTransferHopCountExceeded, dead.DeadLetterReason);
    }

    [Fact]
    public async Task A_missing_forwarding_target_is_rejected_when_the_topology_is_created()
    {
        var error = await Assert.ThrowsAsync<TopologyException>(() =>
            TestEngine.OpenAsync(new TopologyModel([new QueueDefinition("inbox") { ForwardTo = "nowhere" }], [])));
        Assert.Contains("ForwardTo", error.Location, StringComparison.Ordinal);
        Assert.Contains("nowhere", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Forwarding_from_a_session_enabled_queue_is_not_allowed()
    {
        var error = await Assert.ThrowsAsync<TopologyException>(() => TestEngine.OpenAsync(new TopologyModel(
            [new QueueDefinition("sessions") { RequiresSession = true, ForwardTo = "work" }, new QueueDefinition("work")], [])));
        Assert.Contains("session", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_forwarding_target_created_at_runtime_must_exist()
    {
        await using var bus = await TestEngine.OpenAsync(new TopologyModel([new QueueDefinition("work")], []));
        await bus.CreateQueueAsync(new QueueDefinition("inbox") { ForwardTo = "work" });
        var error = await Assert.ThrowsAsync<MessagingException>(() => bus.CreateQueueAsync(new QueueDefinition("other") { ForwardTo = "missing" }));
        Assert.Contains("missing", error.Message, StringComparison.Ordinal);
    }
}
