using AiWorkload.Messaging.Topology;
using AiWorkload.Testing;

namespace AiWorkload.Messaging.Embedded.Tests;

public sealed class DuplicateDetectionTests
{
    private static readonly QueueDefinition Queue = new("jobs")
    {
        RequiresDuplicateDetection = true,
        DuplicateDetectionHistoryTimeWindow = TimeSpan.FromMinutes(1),
    };

    [Fact]
    public async Task A_duplicate_within_the_window_reports_success_and_is_dropped()
    {
        await using var bus = await TestEngine.OpenWithQueueAsync(Queue);
        await bus.SendAsync("jobs", TestEngine.Message("first", "job-1"));
        await bus.SendAsync("jobs", TestEngine.Message("second", "job-1"));
        await bus.SendAsync("jobs", [TestEngine.Message("third", "job-1"), TestEngine.Message("other", "job-2")]);

        var received = await bus.ReceiveAsync("jobs", 10, TimeSpan.Zero);

        Assert.Equal(["first", "other"], received.Select(m => m.Text()));
    }

    [Fact]
    public async Task The_same_id_is_accepted_again_after_the_window()
    {
        var time = new ManualTimeProvider();
        await using var bus = await TestEngine.OpenWithQueueAsync(Queue, time);
        await bus.SendAsync("jobs", TestEngine.Message("first", "job-1"));
        time.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1));
        await bus.SendAsync("jobs", TestEngine.Message("again", "job-1"));

        Assert.Equal(["first", "again"], (await bus.ReceiveAsync("jobs", 10, TimeSpan.Zero)).Select(m => m.Text()));
    }

    [Fact]
    public async Task Scheduled_messages_count_for_duplicate_detection()
    {
        var time = new ManualTimeProvider();
        await using var bus = await TestEngine.OpenWithQueueAsync(Queue, time);
        var first = await bus.ScheduleAsync("jobs", TestEngine.Message("scheduled", "job-1"), time.GetUtcNow().AddSeconds(5));
        var duplicate = await bus.ScheduleAsync("jobs", TestEngine.Message("dup", "job-1"), time.GetUtcNow().AddSeconds(5));
        await bus.SendAsync("jobs", TestEngine.Message("dup-now", "job-1"));

        Assert.Equal(first, duplicate);
        time.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal("scheduled", Assert.Single(await bus.ReceiveAsync("jobs", 10, TimeSpan.Zero)).Text());
    }

    [Fact]
    public async Task Without_duplicate_detection_the_same_id_is_delivered_twice()
    {
        await using var bus = await TestEngine.OpenWithQueueAsync(new QueueDefinition("jobs"));
        await bus.SendAsync("jobs", [TestEngine.Message("a", "same"), TestEngine.Message("b", "same")]);
        Assert.Equal(2, (await bus.ReceiveAsync("jobs", 10, TimeSpan.Zero)).Count);
    }
}
