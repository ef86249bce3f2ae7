using System.Globalization;

namespace AiWorkload.Bench.Amqp;

/// <summary>Command-line options of the amqp suite. Defaults keep the run within about three minutes on two cores.</summary>
internal sealed record AmqpBenchmarkOptions
{
    public const string Usage = """
        options:
          --reps N       measured repetitions per row and broker (default 3)
          --count N      messages per repetition in every row (default 2,000 at batch 1 and for 64 clients, 10,000 at batch 100)
          --starts N     host process starts to time (default 5)
          --skip-host    leave out the AiWorkload.ServiceBus start-time and RSS measurement
        """;

    public int Repetitions { get; init; } = 3;

    public int? Count { get; init; }

    public int Starts { get; init; } = 5;

    public bool SkipHost { get; init; }

    public int MessagesFor(int batchSize) => Count ?? (batchSize == 1 ? 2_000 : 10_000);

    public static AmqpBenchmarkOptions? Parse(IReadOnlyList<string> args, TextWriter errors)
    {
        var options = new AmqpBenchmarkOptions();
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--reps" when BenchArguments.TryPositive(args, ++i, out var reps):
                    options = options with { Repetitions = reps };
                    break;
                case "--count" when BenchArguments.TryPositive(args, ++i, out var count):
                    options = options with { Count = count };
                    break;
                case "--starts" when BenchArguments.TryPositive(args, ++i, out var starts):
                    options = options with { Starts = starts };
                    break;
                case "--skip-host":
                    options = options with { SkipHost = true };
                    break;
                default:
                    errors.WriteLine($"amqp: unknown or incomplete option '{args[Math.Min(i, args.Count - 1)]}'.");
                    errors.WriteLine(Usage);
                    return null;
            }
        }

        return options;
    }
}
