using System.Collections.Concurrent;
using AiWorkload.Messaging;

namespace AiWorkload.Orchestration.Tests.Infrastructure;

/// <summary>Every event the orchestrator published, as another subscriber (the inference subscription) received it.</summary>
internal sealed class EventLog
{
    public ConcurrentQueue<(object Event, string MessageId)> Received { get; } = new();

    public IEnumerable<T> Of<T>() => Received.Select(r => r.Event).OfType<T>();

    public async Task<T> WaitForAsync<T>(Func<T, bool> predicate)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (true)
        {
            if (Of<T>().FirstOrDefault(predicate) is { } found)
            {
                return found;
            }

            Assert.True(DateTime.UtcNow < deadline, $"no {typeof(T).Name} matching the condition arrived");
            await Task.Delay(10);
        }
    }
}
