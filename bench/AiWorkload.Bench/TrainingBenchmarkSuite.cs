using System.Diagnostics;
using System.Globalization;
using AiWorkload.Training.Learning;

namespace AiWorkload.Bench;

/// <summary>
/// Wall-clock time and validation quality of the built-in trainers on synthetic tabular data (default 100,000 rows ×
/// 20 features). Options: --rows N, --features N, --runs N. The target is under 5 s per training run on 2 cores.
/// </summary>
public sealed class TrainingBenchmarkSuite : IBenchmarkSuite
{
    private static readonly TimeSpan Target = TimeSpan.FromSeconds(5);

    public string Name => "training";

    public string Description => "Built-in trainers on synthetic 100k x 20 tabular data: seconds per run and validation metrics";

    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var settings = TrainingBenchSettings.Parse(args);
        var generator = new SyntheticTabular(settings.Features, seed: 2024);
        TrainingScenario[] scenarios =
        [
            new("logistic-regression", "binary", new LogisticRegressionTrainer(), generator.Binary),
            new("logistic-regression", "3 classes", new LogisticRegressionTrainer(), generator.ThreeClasses),
            new("linear-regression", "regression", new LinearRegressionTrainer(), generator.Regression),
        ];

        Console.WriteLine($"# Training benchmark: {settings.Rows:N0} rows x {settings.Features} features, {settings.Runs} runs each, {Environment.ProcessorCount} cores");
        Console.WriteLine();
        Console.WriteLine("| trainer | task | median s | min s | epochs | stop | identical runs | validation metrics |");
        Console.WriteLine("| --- | --- | ---: | ---: | ---: | --- | --- | --- |");
        var allWithinTarget = true;
        foreach (var scenario in scenarios)
        {
            var data = scenario.Generate(settings.Rows);

            // One untimed run on a small slice pays for JIT compilation, which is not what this measures.
            await scenario.Trainer.TrainAsync(scenario.Generate(2_000), TrainingOptions.Default, cancellationToken);

            var seconds = new List<double>();
            var outcomes = new List<TrainingOutcome>();
            for (var run = 0; run < settings.Runs; run++)
            {
                var clock = Stopwatch.StartNew();
                outcomes.Add(await scenario.Trainer.TrainAsync(data, TrainingOptions.Default, cancellationToken));
                seconds.Add(clock.Elapsed.TotalSeconds);
            }

            // Same seed, same data: every run must produce the same artifact, or determinism is broken.
            var last = outcomes[^1];
            var identical = outcomes.All(o => o.Artifact.Bytes.AsSpan().SequenceEqual(last.Artifact.Bytes));

            var median = Stats.Median(seconds);
            allWithinTarget &= median < Target.TotalSeconds;
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"| {scenario.TrainerName} | {scenario.Task} | {median:F3} | {seconds.Min():F3} | {last.EpochsRun} | {last.StopReason} | {(identical ? "yes" : "NO")} | {Describe(last.ValidationMetrics)} |"));
        }

        Console.WriteLine();
        Console.WriteLine(allWithinTarget
            ? $"All medians are under the {Target.TotalSeconds:F0} s target."
            : $"Some medians miss the {Target.TotalSeconds:F0} s target.");
        return 0;
    }

    private static string Describe(ModelMetrics metrics) =>
        string.Join(", ", metrics.ToDictionary().Select(pair => string.Create(CultureInfo.InvariantCulture, $"{pair.Key} {pair.Value:F4}")));
}

/// <summary>One row of the results table: a trainer on one kind of synthetic data.</summary>
file sealed record TrainingScenario(string TrainerName, string Task, ITrainer Trainer, Func<int, TabularDataset> Generate);

file sealed record TrainingBenchSettings(int Rows, int Features, int Runs)
{
    public static TrainingBenchSettings Parse(string[] args)
    {
        var settings = new TrainingBenchSettings(Rows: 100_000, Features: 20, Runs: 5);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            var value = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
            settings = args[i] switch
            {
                "--rows" => settings with { Rows = value },
                "--features" => settings with { Features = value },
                "--runs" => settings with { Runs = value },
                _ => throw new ArgumentException($"Unknown option '{args[i]}'; expected --rows, --features or --runs."),
            };
        }

        return settings;
    }
}

/// <summary>
/// Seeded data with known structure. Features have different scales and offsets so standardization matters, and
/// labels carry noise so the metrics are realistic rather than perfect.
/// </summary>
file sealed class SyntheticTabular
{
    private readonly int features;
    private readonly int seed;
    private readonly double[] trueWeights;

    public SyntheticTabular(int features, int seed)
    {
        this.features = features;
        this.seed = seed;
        var random = new Random(seed);
        trueWeights = [.. Enumerable.Range(0, features).Select(_ => Gaussian(random))];
    }

    private string[] FeatureNames => [.. Enumerable.Range(0, features).Select(f => $"f{f:D2}")];

    /// <summary>Labels drawn from a logistic model, so the best achievable accuracy is below 1.</summary>
    public TabularDataset Binary(int rows)
    {
        var random = new Random(seed + 1);
        var labels = new string[rows];
        var data = Rows(rows, random, (row, latent) =>
        {
            var probability = 1 / (1 + Math.Exp(-3 * latent));
            labels[row] = random.NextDouble() < probability ? "1" : "0";
        });
        return TabularDataset.ForClassification(FeatureNames, data, labels);
    }

    /// <summary>Three overlapping clusters along the true weight direction.</summary>
    public TabularDataset ThreeClasses(int rows)
    {
        var random = new Random(seed + 2);
        var labels = new string[rows];
        var data = Rows(rows, random, (row, latent) =>
        {
            var noisy = latent + (0.3 * Gaussian(random));
            labels[row] = noisy < -0.5 ? "low" : noisy < 0.5 ? "mid" : "high";
        });
        return TabularDataset.ForClassification(FeatureNames, data, labels);
    }

    public TabularDataset Regression(int rows)
    {
        var random = new Random(seed + 3);
        var targets = new double[rows];
        var data = Rows(rows, random, (row, latent) => targets[row] = (10 * latent) + 5 + Gaussian(random));
        return TabularDataset.ForRegression(FeatureNames, data, targets);
    }

    /// <summary>Rows of raw features; the callback sees each row's latent score (unit variance) to derive a label.</summary>
    private double[][] Rows(int rows, Random random, Action<int, double> label)
    {
        var result = new double[rows][];
        var norm = Math.Sqrt(trueWeights.Sum(w => w * w));
        for (var r = 0; r < rows; r++)
        {
            var row = new double[features];
            double latent = 0;
            for (var f = 0; f < features; f++)
            {
                var standard = Gaussian(random);
                latent += trueWeights[f] * standard / norm;
                row[f] = (standard * (1 + f)) + (10 * f);
            }

            result[r] = row;
            label(r, latent);
        }

        return result;
    }

    private static double Gaussian(Random random)
    {
        var u1 = 1 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }
}
