using System.Collections.Concurrent;
using System.Diagnostics;
using AiWorkload.Messaging.Embedded.Entities;
using AiWorkload.Messaging.Embedded.CrashHost;
using AiWorkload.Messaging.Topology;
using AiWorkload.Testing;

namespace AiWorkload.Messaging.Embedded.Tests;

/// <summary>Kills a real engine process with SIGKILL in the middle of a storm and checks every acknowledged operation.</summary>
public sealed class CrashRecoveryTests
{
    [Fact]
    public async Task Nothing_acknowledged_is_lost_and_nothing_completed_comes_back_after_SIGKILL()
    {
        using var directory = new TemporaryDirectory();
        var sent = new HashSet<string>();
        var completed = new HashSet<string>();
        var received = new HashSet<string>();

        for (var round = 0; round < 3; round++)
        {
            var log = await RunAndKillAsync("storm", directory.Path, "DONE", minimumLines: 300 * (round + 1));
            foreach (var (kind, id) in log)
            {
                (kind switch { "SENT" => sent, "RECV" => received, _ => completed }).Add(id);
            }

            await using var bus = await EmbeddedServiceBus.OpenAsync(new EmbeddedServiceBusOptions { DataDirectory = directory.Path, Topology = CrashTopology.Model });
            var remaining = bus.Peek("storm", 0, int.MaxValue);
            var remainingIds = remaining.Select(m => m.MessageId).ToList();

            Assert.Equal(remainingIds.Count, remainingIds.Distinct().Count());
            Assert.All(remaining, m => Assert.Equal(m.MessageId, m.Text()));
            Assert.Empty(remainingIds.Intersect(completed));
            // A message handed to a receiver may have been completed just before the kill, without its DONE line.
            var gone = sent.Except(completed).Except(remainingIds).ToList();
            var lost = gone.Except(received).ToList();
            Assert.True(lost.Count == 0, $"round {round}: {lost.Count} acknowledged sends were lost, e.g. {string.Join(", ", lost.Take(5))}");
            Assert.True(gone.Count <= 2 * 10, $"round {round}: {gone.Count} in-flight messages vanished; at most one batch per receiver can be mid-completion");
            completed.UnionWith(gone);
            Assert.All(remaining.Where(m => received.Contains(m.MessageId)), m => Assert.True(m.DeliveryCount >= 1));
            Assert.True(remaining.Select(m => m.SequenceNumber).SequenceEqual(remaining.Select(m => m.SequenceNumber).Order()));
        }

        Assert.True(sent.Count > 1000, $"only {sent.Count} sends were acknowledged before the kills");
        Assert.True(completed.Count >= 900, $"only {completed.Count} completions were acknowledged before the kills");
    }

    [Fact]
    public async Task A_publish_to_many_subscriptions_leaves_all_copies_or_none_after_SIGKILL()
    {
        using var directory = new TemporaryDirectory();
        var log = await RunAndKillAsync("fanout", directory.Path, "SENT", minimumLines: 400);
        var sent = log.Select(l => l.Id).ToHashSet();

        await using var bus = await EmbeddedServiceBus.OpenAsync(new EmbeddedServiceBusOptions { DataDirectory = directory.Path, Topology = CrashTopology.Model });
        var copies = Enumerable.Range(0, CrashTopology.SubscriptionCount)
            .Select(i => bus.Peek(EntityPaths.Subscription(CrashTopology.Topic, $"s{i}"), 0, int.MaxValue).Select(m => m.MessageId).ToHashSet())
            .ToList();

        var everywhere = copies.Aggregate((a, b) => [.. a.Intersect(b)]);
        var anywhere = copies.Aggregate((a, b) => [.. a.Union(b)]);
        Assert.Equal(anywhere.Count, everywhere.Count); // no publish is visible in some subscriptions only
        Assert.Empty(sent.Except(everywhere));           // every acknowledged publish reached every subscription
        Assert.All(copies, c => Assert.Equal(c.Count, bus.Peek(EntityPaths.Subscription(CrashTopology.Topic, "s0"), 0, int.MaxValue).Count));
    }

    private static async Task<List<(string Kind, string Id)>> RunAndKillAsync(string mode, string dataDirectory, string countedKind, int minimumLines)
    {
        var host = Path.Combine(AppContext.BaseDirectory, "AiWorkload.Messaging.Embedded.CrashHost.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(host);
        start.ArgumentList.Add(mode);
        start.ArgumentList.Add(dataDirectory);
        using var process = Process.Start(start)!;
        var lines = new ConcurrentQueue<string>();
        var completions = 0;
        var enough = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                enough.TrySetResult();
                return;
            }

            lines.Enqueue(e.Data);
            if (e.Data.StartsWith(countedKind, StringComparison.Ordinal) && Interlocked.Increment(ref completions) >= minimumLines)
            {
                enough.TrySetResult();
            }
        };
        var errors = new ConcurrentQueue<string>();
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { errors.Enqueue(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        await Task.WhenAny(enough.Task, Task.Delay(TimeSpan.FromSeconds(60)));
        Assert.False(process.HasExited, "the storm process exited on its own: " + string.Join(Environment.NewLine, errors));
        process.Kill(entireProcessTree: true); // SIGKILL on Linux: no finalizers, no flush, no clean shutdown
        await process.WaitForExitAsync();
        await Task.Delay(100); // let the last buffered stdout lines arrive

        var log = new List<(string, string)>();
        foreach (var line in lines)
        {
            var space = line.IndexOf(' ', StringComparison.Ordinal);
            if (space < 0)
            {
                continue;
            }

            var kind = line[..space];
            foreach (var id in line[(space + 1)..].Split(','))
            {
                log.Add((kind, id));
            }
        }

        Assert.True(completions >= minimumLines, $"the {mode} process printed only {completions} {countedKind} lines; stderr: {string.Join(Environment.NewLine, errors)}");
        return log;
    }
}
