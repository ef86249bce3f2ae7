namespace AiWorkload.Messaging.Embedded.Entities;

/// <summary>Wakes every waiter when something changes; waiters re-check state themselves, so a spurious wake is harmless.</summary>
internal sealed class AsyncSignal
{
    private TaskCompletionSource _current = NewSource();

    /// <summary>Call under the engine lock; the returned task completes at the next <see cref="Set"/>.</summary>
    public Task WaitAsync() => _current.Task;

    /// <summary>Call under the engine lock.</summary>
    public void Set()
    {
        var previous = _current;
        _current = NewSource();
        previous.TrySetResult();
    }

    private static TaskCompletionSource NewSource() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
