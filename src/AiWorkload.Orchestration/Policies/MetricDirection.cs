namespace AiWorkload.Orchestration.Policies;

/// <summary>
/// Which way a metric improves. Mirrors AiWorkload.Training's MetricNames (error metrics decrease), kept here so the
/// orchestrator does not depend on the training stack; unknown metrics are taken as higher-is-better scores.
/// </summary>
internal static class MetricDirection
{
    private static readonly HashSet<string> LowerIsBetter = new(StringComparer.OrdinalIgnoreCase) { "log_loss", "rmse", "mae", "mse" };

    /// <summary>How much worse <paramref name="value"/> is than <paramref name="baseline"/> (negative when better).</summary>
    public static double Decay(string metric, double value, double baseline) =>
        LowerIsBetter.Contains(metric) ? value - baseline : baseline - value;
}
