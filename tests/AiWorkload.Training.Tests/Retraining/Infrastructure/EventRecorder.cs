using System.Collections.Concurrent;
using AiWorkload.Contracts.Events;

namespace AiWorkload.Training.Tests.Retraining.Infrastructure;

/// <summary>Every workload event the test host's orchestrator subscription received, in arrival order.</summary>
internal sealed class EventRecorder
{
    private readonly ConcurrentQueue<IWorkloadEvent> _events = new();

    public IReadOnlyList<IWorkloadEvent> All => [.. _events];

    public IReadOnlyList<T> Of<T>() => [.. _events.OfType<T>()];

    public void Record(IWorkloadEvent e) => _events.Enqueue(e);

    public async Task<T> WaitForAsync<T>(Func<T, bool>? predicate = null, TimeSpan? timeout = null)
        where T : IWorkloadEvent
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (true)
        {
            if (_events.OfType<T>().FirstOrDefault(e => predicate?.Invoke(e) ?? true) is { } found)
            {
                return found;
            }

            Assert.True(DateTime.UtcNow < deadline, $"No {typeof(T).Name} arrived in time; got: {string.Join(", ", _events.Select(e => $"{e.GetType().Name} {e.EventId}"))}");
            await Task.Delay(10);
        }
    }
}
