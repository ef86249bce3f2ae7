using System.Globalization;
using AiWorkload.Catalog.Models;
using AiWorkload.Training.Learning;

namespace AiWorkload.Training.Promotion;

/// <summary>
/// The promotion rule, free of I/O so it is tested directly: promote when the candidate's policy metric beats the
/// promoted version's by more than the policy's margin (in the metric's better direction), or when there is nothing
/// comparable to beat. Every decision says why, with the numbers.
/// </summary>
public static class PromotionPolicyDecider
{
    public static PromotionDecision Decide(PromotionPolicy policy, int candidateVersion, double candidateValue, string comparedOn, BaselineScore? baseline)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var metric = policy.PrimaryMetric;
        var candidate = $"{metric} {Format(candidateValue)}";
        if (baseline is null)
        {
            return new(true, metric, candidateValue, null, null,
                $"Promoted v{candidateVersion}: no version was promoted before; {candidate} {comparedOn}.");
        }

        if (baseline.Basis == BaselineBasis.Unscorable || baseline.Value is null)
        {
            return new(true, metric, candidateValue, baseline.Version, baseline.Value,
                $"Promoted v{candidateVersion}: {candidate} {comparedOn}; the promoted v{baseline.Version} gives no comparable {metric} ({baseline.Note}).");
        }

        var current = PrimaryMetric.For(metric, baseline.Value.Value);
        var proposed = PrimaryMetric.For(metric, candidateValue);
        var improvement = current.HigherIsBetter ? candidateValue - current.Value : current.Value - candidateValue;
        var comparison = $"{candidate} {comparedOn} against v{baseline.Version}'s {Format(current.Value)} {baseline.Note}: " +
            $"an improvement of {Format(improvement)} ({(current.HigherIsBetter ? "higher" : "lower")} is better)";
        return proposed.IsBetterThan(current, policy.MinimumImprovement)
            ? new(true, metric, candidateValue, baseline.Version, current.Value,
                $"Promoted v{candidateVersion}: {comparison}, more than the required {Format(policy.MinimumImprovement)}.")
            : new(false, metric, candidateValue, baseline.Version, current.Value,
                $"Rejected v{candidateVersion}: {comparison}, not more than the required {Format(policy.MinimumImprovement)}; v{baseline.Version} stays promoted.");
    }

    internal static string Format(double value) => value.ToString("0.0000", CultureInfo.InvariantCulture);
}
