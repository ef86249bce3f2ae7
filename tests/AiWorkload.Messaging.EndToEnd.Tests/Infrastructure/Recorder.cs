namespace AiWorkload.Messaging.EndToEnd.Tests.Infrastructure;

/// <summary>Every handler invocation in a test host, with a way to await a condition on them instead of sleeping.</summary>
public sealed class Recorder
{
    private readonly Lock _sync = new();
    private readonly List<HandledMessage> _handled = [];
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public IReadOnlyList<HandledMessage> Handled
    {
        get
        {
            lock (_sync)
            {
                return [.. _handled];
            }
        }
    }

    public void Record(object message, IMessageContext context)
    {
        TaskCompletionSource changed;
        lock (_sync)
        {
            _handled.Add(new HandledMessage(message, context, DateTimeOffset.UtcNow));
            changed = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        changed.SetResult();
    }

    /// <summary>Waits until <paramref name="condition"/> holds for the invocations so far; fails the test on timeout.</summary>
    public async Task<IReadOnlyList<HandledMessage>> WaitForAsync(Func<IReadOnlyList<HandledMessage>, bool> condition, TimeSpan? timeout = null)
    {
        var deadline = DateTimeOffset.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (true)
        {
            Task changed;
            List<HandledMessage> snapshot;
            lock (_sync)
            {
                snapshot = [.. _handled];
                changed = _changed.Task;
            }

            if (condition(snapshot))
            {
                return snapshot;
            }

            var remaining = deadline - DateTimeOffset.UtcNow;
            if (remaining <= TimeSpan.Zero || await Task.WhenAny(changed, Task.Delay(remaining)) != changed)
            {
                Assert.Fail($"Timed out waiting for handled messages; {snapshot.Count} so far: {string.Join(", ", snapshot.Select(h => h.Message))}");
            }
        }
    }

    public Task<IReadOnlyList<HandledMessage>> WaitForCountAsync(int count, TimeSpan? timeout = null) =>
        WaitForAsync(handled => handled.Count >= count, timeout);
}
