using System.Diagnostics;
using System.Globalization;
using AiWorkload.Messaging.Rules;

namespace AiWorkload.Bench;

/// <summary>
/// Single-threaded throughput of the rule language: how many messages one core can test against a typical
/// subscription rule per second. Every filter is compiled once up front, as the engine does when a rule is created,
/// so the numbers are pure evaluation cost.
/// </summary>
public sealed class FilterBenchmarkSuite : IBenchmarkSuite
{
    private const int Batch = 4096;

    public string Name => "filters";

    public string Description => "rule evaluations per second on one core (SQL, correlation, action) [--runs N] [--seconds S]";

    public Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        if (!TryParseOptions(args, out var runs, out var seconds))
        {
            Console.WriteLine("usage: filters [--runs N (default 7)] [--seconds S per run (default 1)]");
            return Task.FromResult(2);
        }

        var message = BenchMessage.Typical();
        var cases = Cases();
        Console.WriteLine($"Rule evaluation, single thread: {runs} runs of {seconds:0.##} s per case, .NET {Environment.Version}, {Environment.ProcessorCount} cores");
        Console.WriteLine();
        Console.WriteLine("| Case | Rule | Median evaluations/s per core | Min | Max | ns/evaluation |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|");
        foreach (var (name, rule, evaluate) in cases)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                return Task.FromResult(130);
            }

            // Warm-up lets tiered compilation and PGO settle before anything is counted.
            Measure(evaluate, message, TimeSpan.FromMilliseconds(300));
            var rates = new List<double>(runs);
            for (var run = 0; run < runs && !cancellationToken.IsCancellationRequested; run++)
            {
                rates.Add(Measure(evaluate, message, TimeSpan.FromSeconds(seconds)));
            }

            var median = Stats.Median(rates);
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"| {name} | `{rule}` | {median:N0} | {rates.Min():N0} | {rates.Max():N0} | {1e9 / median:0.0} |"));
        }

        return Task.FromResult(0);
    }

    private static List<(string Name, string Rule, Func<BenchMessage, bool> Evaluate)> Cases()
    {
        var equality = SqlFilter.Compile("user.trigger = 'model_training'");
        var and = SqlFilter.Compile("user.trigger = 'model_training' AND user.priority > 5");
        var inList = SqlFilter.Compile("user.color IN ('red', 'green', 'blue')");
        var like = SqlFilter.Compile("sys.Label LIKE 'train%'");
        var correlation = new CorrelationFilter
        {
            Subject = "training-job",
            ApplicationProperties = new Dictionary<string, object?> { ["trigger"] = "model_training" },
        };
        var action = SqlRuleAction.Compile("SET sys.To = 'gpu-pool'; SET user.routed = TRUE");
        return
        [
            ("equality", equality.Expression, equality.Matches),
            ("AND of two comparisons", and.Expression, and.Matches),
            ("IN list", inList.Expression, inList.Matches),
            ("LIKE prefix", like.Expression, like.Matches),
            ("correlation filter", correlation.ToString(), correlation.Matches),
            ("action", action.Expression, m =>
            {
                action.Apply(m);
                return true;
            }),
        ];
    }

    /// <summary>Evaluations per second over one timed run; the batch keeps clock reads out of the measurement.</summary>
    private static double Measure(Func<BenchMessage, bool> evaluate, BenchMessage message, TimeSpan duration)
    {
        var matches = 0L;
        var count = 0L;
        var start = Stopwatch.GetTimestamp();
        var deadline = start + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        long now;
        do
        {
            for (var i = 0; i < Batch; i++)
            {
                if (evaluate(message))
                {
                    matches++;
                }
            }

            count += Batch;
            now = Stopwatch.GetTimestamp();
        }
        while (now < deadline);

        // Every case matches; checking it keeps the loop honest and the result observable.
        if (matches != count)
        {
            throw new InvalidOperationException($"expected every evaluation to match, {matches} of {count} did");
        }

        return count / Stopwatch.GetElapsedTime(start, now).TotalSeconds;
    }

    private static bool TryParseOptions(string[] args, out int runs, out double seconds)
    {
        runs = 7;
        seconds = 1.0;
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            switch (args[i])
            {
                case "--runs" when int.TryParse(value, CultureInfo.InvariantCulture, out var r) && r > 0:
                    runs = r;
                    i++;
                    break;
                case "--seconds" when double.TryParse(value, CultureInfo.InvariantCulture, out var s) && s > 0:
                    seconds = s;
                    i++;
                    break;
                default:
                    return false;
            }
        }

        return true;
    }

    /// <summary>A message shaped like the engine's: a case-insensitive dictionary of about five application properties.</summary>
    private sealed class BenchMessage : IRuleMessage
    {
        private readonly Dictionary<string, object?> _application = new(StringComparer.OrdinalIgnoreCase);
        private readonly Dictionary<string, object?> _system = new(StringComparer.Ordinal);

        public static BenchMessage Typical()
        {
            var message = new BenchMessage();
            message._application["trigger"] = "model_training";
            message._application["priority"] = 7;
            message._application["color"] = "blue";
            message._application["tenant"] = "contoso";
            message._application["attempt"] = 1L;
            message._system[SystemProperties.MessageId] = Guid.NewGuid().ToString();
            message._system[SystemProperties.Label] = "training-job";
            message._system[SystemProperties.CorrelationId] = "run-42";
            return message;
        }

        public object? GetSystemProperty(string name) => _system.GetValueOrDefault(name);

        public void SetSystemProperty(string name, object? value) => _system[name] = value;

        public bool TryGetApplicationProperty(string name, out object? value) => _application.TryGetValue(name, out value);

        public void SetApplicationProperty(string name, object? value) => _application[name] = value;

        public bool RemoveApplicationProperty(string name) => _application.Remove(name);
    }
}
