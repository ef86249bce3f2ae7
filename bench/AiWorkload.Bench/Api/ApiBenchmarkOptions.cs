using System.Globalization;

namespace AiWorkload.Bench.Api;

/// <summary>Command-line options of the api suite. Defaults keep the run within about three minutes on two cores.</summary>
internal sealed record ApiBenchmarkOptions
{
    public const string Usage = """
        options:
          --reps N        measured runs per row and host, taken round-robin across the hosts (default 3)
          --seconds N     length of one measured predict run (default 5)
          --warm-up N     seconds of warm-up per predict row and host before the measured runs (default 2)
          --host-warm-up N   seconds of predict load on each host at the highest concurrency before the first row (default 15)
          --rows N        CSV rows in one ingest batch (default 100,000, the product's largest batch)
          --clients LIST  concurrent predict clients, comma-separated (default 1,16,64)
          --skip-ingest   leave out the ingest rows
          --product-dll PATH   the AiWorkload.Standalone.dll to measure (default: the repository's Release build)
          --baseline-dll PATH  also measure this AiWorkload.Standalone.dll (a copy of an earlier build), in turn with the
                               product and the ceiling, for a before/after comparison on a noisy machine
          --product-env NAME=VALUE   extra environment for the product host (not the baseline), to measure what a
                                     setting costs, e.g. OTEL_SDK_DISABLED=true; repeatable
          --serve-ceiling --urls URL   internal: be the ceiling host on URL (the suite starts it as a child process)
        """;

    public int Repetitions { get; init; } = 3;

    public int Seconds { get; init; } = 5;

    public int WarmUpSeconds { get; init; } = 2;

    /// <summary>
    /// A freshly started host spends its first seconds under load in tiered JIT (with PGO): measured at once, the first row
    /// showed 3-8x the server CPU per request of the same row measured a minute later on this 2-core machine.
    /// </summary>
    public int HostWarmUpSeconds { get; init; } = 15;

    public int Rows { get; init; } = 100_000;

    public IReadOnlyList<int> Clients { get; init; } = [1, 16, 64];

    public bool SkipIngest { get; init; }

    public IReadOnlyDictionary<string, string> ProductEnvironment { get; init; } = new Dictionary<string, string>();

    public string? ProductDll { get; init; }

    public string? BaselineDll { get; init; }

    public bool ServeCeiling { get; init; }

    public string? Urls { get; init; }

    public static ApiBenchmarkOptions? Parse(IReadOnlyList<string> args, TextWriter errors)
    {
        var options = new ApiBenchmarkOptions();
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--reps" when BenchArguments.TryPositive(args, ++i, out var reps):
                    options = options with { Repetitions = reps };
                    break;
                case "--seconds" when BenchArguments.TryPositive(args, ++i, out var seconds):
                    options = options with { Seconds = seconds };
                    break;
                case "--warm-up" when BenchArguments.TryPositive(args, ++i, out var warmUp):
                    options = options with { WarmUpSeconds = warmUp };
                    break;
                case "--host-warm-up" when BenchArguments.TryPositive(args, ++i, out var hostWarmUp):
                    options = options with { HostWarmUpSeconds = hostWarmUp };
                    break;
                case "--rows" when BenchArguments.TryPositive(args, ++i, out var rows):
                    options = options with { Rows = rows };
                    break;
                case "--clients" when TryClients(args, ++i, out var clients):
                    options = options with { Clients = clients };
                    break;
                case "--skip-ingest":
                    options = options with { SkipIngest = true };
                    break;
                case "--product-env" when ++i < args.Count && args[i].IndexOf('=', StringComparison.Ordinal) > 0:
                    var separator = args[i].IndexOf('=', StringComparison.Ordinal);
                    options = options with
                    {
                        ProductEnvironment = new Dictionary<string, string>(options.ProductEnvironment) { [args[i][..separator]] = args[i][(separator + 1)..] },
                    };
                    break;
                case "--product-dll" when ++i < args.Count:
                    options = options with { ProductDll = Path.GetFullPath(args[i]) };
                    break;
                case "--baseline-dll" when ++i < args.Count:
                    options = options with { BaselineDll = Path.GetFullPath(args[i]) };
                    break;
                case "--serve-ceiling":
                    options = options with { ServeCeiling = true };
                    break;
                case "--urls" when ++i < args.Count:
                    options = options with { Urls = args[i] };
                    break;
                default:
                    errors.WriteLine($"api: unknown or incomplete option '{args[Math.Min(i, args.Count - 1)]}'.");
                    errors.WriteLine(Usage);
                    return null;
            }
        }

        return options;
    }

    private static bool TryClients(IReadOnlyList<string> args, int index, out IReadOnlyList<int> clients)
    {
        clients = [];
        if (index >= args.Count)
        {
            return false;
        }

        var parts = args[index].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var parsed = new List<int>();
        foreach (var part in parts)
        {
            if (!int.TryParse(part, NumberStyles.Integer, CultureInfo.InvariantCulture, out var count) || count <= 0)
            {
                return false;
            }

            parsed.Add(count);
        }

        clients = parsed;
        return parsed.Count > 0;
    }
}
