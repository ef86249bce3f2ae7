using AiWorkload.Testing;

namespace AiWorkload.Messaging.EndToEnd.Tests;

public sealed class DurabilityTests
{
    [Fact]
    public async Task A_message_sent_before_a_restart_is_handled_by_the_next_host_on_the_same_data_directory()
    {
        using var directory = new TemporaryDirectory();
        await using (var sender = await TestBus.StartAsync(directory: directory))
        {
            await sender.Bus.SendAsync(new Ping("survivor"));
        }

        await using var receiver = await TestBus.StartAsync(
            m => m.AddProcessor(MessageSource.Queue(TestTopology.Work)).AddHandler<Ping, TestHandler<Ping>>(),
            directory: directory);

        var handled = Assert.Single(await receiver.Recorder.WaitForCountAsync(1));
        Assert.Equal("survivor", handled.As<Ping>().Id);
    }
}
