using System.Globalization;

namespace AiWorkload.Fuzz.Tests;

/// <summary>A fixed seed and request count, each overridable from the environment to replay or to fuzz longer.</summary>
public sealed record FuzzSettings(int Seed, int Requests, int Concurrency)
{
    public const int DefaultSeed = 20261207;
    public const int DefaultRequests = 6000;

    public static FuzzSettings FromEnvironment() => new(
        Number("AIWORKLOAD_FUZZ_SEED", DefaultSeed),
        Number("AIWORKLOAD_FUZZ_REQUESTS", DefaultRequests),
        Number("AIWORKLOAD_FUZZ_CONCURRENCY", 4));

    private static int Number(string variable, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(variable), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : fallback;
}
