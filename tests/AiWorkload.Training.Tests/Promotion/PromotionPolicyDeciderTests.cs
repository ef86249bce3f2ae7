using AiWorkload.Catalog.Models;
using AiWorkload.Training.Promotion;

namespace AiWorkload.Training.Tests.Promotion;

public sealed class PromotionPolicyDeciderTests
{
    private const string Rows = "on the 40 validation rows of data version 3";

    [Fact]
    public void The_first_version_is_promoted_with_nothing_to_compare()
    {
        var decision = PromotionPolicyDecider.Decide(new PromotionPolicy("accuracy", 0.01), 1, 0.9, "on its validation split of data version 1", null);

        Assert.Equal((true, "accuracy", 0.9, (int?)null, (double?)null), (decision.Promote, decision.Metric, decision.CandidateValue, decision.BaselineVersion, decision.BaselineValue));
        Assert.Equal("Promoted v1: no version was promoted before; accuracy 0.9000 on its validation split of data version 1.", decision.Reason);
    }

    [Fact]
    public void A_candidate_that_beats_the_promoted_version_by_more_than_the_margin_is_promoted()
    {
        var decision = PromotionPolicyDecider.Decide(new PromotionPolicy("accuracy", 0.01), 3, 0.93, Rows, SameRows(2, 0.9));

        Assert.True(decision.Promote);
        Assert.Equal((2, 0.9), (decision.BaselineVersion, decision.BaselineValue));
        Assert.Equal(
            "Promoted v3: accuracy 0.9300 on the 40 validation rows of data version 3 against v2's 0.9000 on the same rows: " +
            "an improvement of 0.0300 (higher is better), more than the required 0.0100.",
            decision.Reason);
    }

    [Theory]
    [InlineData(0.905)] // better, but within the margin
    [InlineData(0.91)]  // exactly the margin is not more than it
    [InlineData(0.85)]  // worse
    public void A_candidate_that_does_not_beat_the_promoted_version_by_more_than_the_margin_is_rejected(double candidate)
    {
        var decision = PromotionPolicyDecider.Decide(new PromotionPolicy("accuracy", 0.01), 3, candidate, Rows, SameRows(2, 0.9));

        Assert.False(decision.Promote);
        Assert.StartsWith("Rejected v3: accuracy ", decision.Reason, StringComparison.Ordinal);
        Assert.EndsWith("not more than the required 0.0100; v2 stays promoted.", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void For_a_lower_is_better_metric_a_smaller_value_is_the_improvement()
    {
        var policy = new PromotionPolicy("rmse", 0.5);

        var better = PromotionPolicyDecider.Decide(policy, 2, 3.0, Rows, SameRows(1, 4.0));
        var worse = PromotionPolicyDecider.Decide(policy, 2, 4.2, Rows, SameRows(1, 4.0));

        Assert.True(better.Promote);
        Assert.Contains("rmse 3.0000 on the 40 validation rows of data version 3 against v1's 4.0000 on the same rows: an improvement of 1.0000 (lower is better)", better.Reason, StringComparison.Ordinal);
        Assert.False(worse.Promote);
        Assert.Contains("an improvement of -0.2000 (lower is better)", worse.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_promoted_version_that_cannot_score_the_candidates_data_does_not_block_it_and_the_decision_says_why()
    {
        var baseline = new BaselineScore(4, null, BaselineBasis.Unscorable, "it cannot score this data: the data has classes [churned] that the model does not know");

        var decision = PromotionPolicyDecider.Decide(new PromotionPolicy("accuracy", 0.01), 5, 0.7, Rows, baseline);

        Assert.True(decision.Promote);
        Assert.Equal(4, decision.BaselineVersion);
        Assert.Equal(
            "Promoted v5: accuracy 0.7000 on the 40 validation rows of data version 3; the promoted v4 gives no comparable accuracy " +
            "(it cannot score this data: the data has classes [churned] that the model does not know).",
            decision.Reason);
    }

    private static BaselineScore SameRows(int version, double value) => new(version, value, BaselineBasis.SameValidationData, "on the same rows");
}
