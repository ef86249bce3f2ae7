using System.Collections.Concurrent;
using AiWorkload.Contracts.Commands;

namespace AiWorkload.Orchestration.Tests.Infrastructure;

/// <summary>How the fake retraining service answers, and what it was asked.</summary>
internal sealed class TrainerScript
{
    public ConcurrentQueue<RetrainModel> Requests { get; } = new();

    /// <summary>False: record requests only; the test replies (in whatever order it likes).</summary>
    public bool AutoReply { get; set; } = true;

    /// <summary>The validation value of the primary metric each new version gets.</summary>
    public Func<RetrainModel, double> Quality { get; set; } = _ => 0.95;

    /// <summary>How many of the first requests fail with TrainingFailed.</summary>
    public int FailFirst { get; set; }

    /// <summary>The reason those failures give, as the retraining service's TrainingFailureReasons do.</summary>
    public string FailureReason { get; set; } = "diverged";

    private int _answered;

    public bool ShouldFail() => Interlocked.Increment(ref _answered) <= FailFirst;

    public async Task<RetrainModel> NextRequestAsync(int count = 1)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (Requests.Count < count)
        {
            Assert.True(DateTime.UtcNow < deadline, $"expected {count} RetrainModel requests, got {Requests.Count}");
            await Task.Delay(10);
        }

        return Requests.ElementAt(count - 1);
    }
}
