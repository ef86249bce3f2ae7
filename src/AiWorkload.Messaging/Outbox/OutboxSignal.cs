using System.Threading.Channels;

namespace AiWorkload.Messaging.Outbox;

/// <summary>
/// Wakes the dispatcher of <typeparamref name="TStore"/> after a commit, so a message leaves within milliseconds instead of
/// at the next sweep. One per store type, so a host with several outboxes wakes the right one.
/// </summary>
public sealed class OutboxSignal<TStore>
    where TStore : IOutboxStore
{
    // One pending wake-up is enough: the dispatcher drains everything pending each time it wakes.
    private readonly Channel<bool> _channel = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Notify() => _channel.Writer.TryWrite(true);

    internal async Task WaitAsync(CancellationToken cancellationToken) => await _channel.Reader.ReadAsync(cancellationToken);
}
