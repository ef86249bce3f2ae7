using System.Globalization;

namespace AiWorkload.Bench.Broker;

/// <summary>Command-line options of the broker suite. Defaults keep the full run within about four minutes on two cores.</summary>
internal sealed record BrokerBenchmarkOptions
{
    public const string Usage = """
        options:
          --quick            smoke run: small counts, 2 repetitions
          --count N          messages per repetition in every scenario (default 2,000 for batch 1, 20,000 for batch 100)
          --reps N           measured repetitions per scenario and broker (default 5)
          --skip-rabbitmq    run the embedded engine only
          --skip-crash-safe  leave out the EngineDurability.ProcessCrashSafe row
        """;

    public bool Quick { get; init; }

    public int? Count { get; init; }

    public int? RepetitionsOverride { get; init; }

    public int Repetitions => RepetitionsOverride ?? (Quick ? 2 : 5);

    public bool SkipRabbitMq { get; init; }

    public bool SkipCrashSafe { get; init; }

    public int MessagesFor(int batchSize) => Count ?? (batchSize, Quick) switch
    {
        (1, false) => 2_000,
        (1, true) => 200,
        (_, false) => 20_000,
        (_, true) => 2_000,
    };

    /// <summary>Enough to JIT every path and let SQLite and RabbitMQ grow their files before the measured runs.</summary>
    public int WarmUpMessagesFor(int batchSize) => Math.Max(MessagesFor(batchSize) / 4, 100);

    public static BrokerBenchmarkOptions? Parse(IReadOnlyList<string> args, TextWriter errors)
    {
        var options = new BrokerBenchmarkOptions();
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--quick":
                    options = options with { Quick = true };
                    break;
                case "--count" when BenchArguments.TryPositive(args, ++i, out var count):
                    options = options with { Count = count };
                    break;
                case "--reps" when BenchArguments.TryPositive(args, ++i, out var reps):
                    options = options with { RepetitionsOverride = reps };
                    break;
                case "--skip-rabbitmq":
                    options = options with { SkipRabbitMq = true };
                    break;
                case "--skip-crash-safe":
                    options = options with { SkipCrashSafe = true };
                    break;
                default:
                    errors.WriteLine($"broker: unknown or incomplete option '{args[Math.Min(i, args.Count - 1)]}'.");
                    errors.WriteLine(Usage);
                    return null;
            }
        }

        return options;
    }
}
