using AiWorkload.Training.Learning;

namespace AiWorkload.Training.Tests.Learning;

public sealed class ClassificationMetricsTests
{
    [Fact]
    public void Accuracy_is_the_share_of_correct_predictions()
    {
        Assert.Equal(0.6, ClassificationMetrics.Accuracy([1, 1, 0, 0, 1], [1, 0, 0, 1, 1]), 12);
    }

    [Fact]
    public void Binary_f1_scores_the_second_class_as_positive()
    {
        // TP = 2, FP = 1, FN = 1: precision 2/3, recall 2/3.
        Assert.Equal(2.0 / 3, ClassificationMetrics.F1([1, 1, 0, 0, 1], [1, 0, 0, 1, 1], classCount: 2), 12);

        // Swapping the roles: class 1 now has TP = 1, FP = 0, FN = 2 → precision 1, recall 1/3 → F1 = 0.5.
        Assert.Equal(0.5, ClassificationMetrics.F1([1, 1, 1, 0], [1, 0, 0, 0], classCount: 2), 12);
    }

    [Fact]
    public void Binary_f1_is_zero_when_nothing_is_positive()
    {
        Assert.Equal(0, ClassificationMetrics.F1([0, 0], [0, 0], classCount: 2));
    }

    [Fact]
    public void Multiclass_f1_is_the_macro_average()
    {
        // Class 0: TP 2, FP 0, FN 0 → 1. Class 1: TP 1, FP 1, FN 1 → 0.5. Class 2: TP 0, FP 1, FN 1 → 0.
        int[] actual = [0, 0, 1, 1, 2];
        int[] predicted = [0, 0, 1, 2, 1];

        Assert.Equal(0.5, ClassificationMetrics.F1(actual, predicted, classCount: 3), 12);
    }

    [Fact]
    public void Macro_f1_ignores_classes_absent_from_both_lists()
    {
        Assert.Equal(1.0, ClassificationMetrics.F1([0, 1, 0], [0, 1, 0], classCount: 4), 12);
    }

    [Fact]
    public void Auc_matches_the_textbook_example()
    {
        Assert.Equal(0.75, ClassificationMetrics.RocAuc([false, false, true, true], [0.1, 0.4, 0.35, 0.8])!.Value, 12);
    }

    [Fact]
    public void Auc_counts_ties_between_classes_as_half()
    {
        // Pairs (positive, negative): 0.5 vs 0.2 wins, 0.5 vs 0.5 ties, 0.9 beats both → 3.5 of 4.
        Assert.Equal(0.875, ClassificationMetrics.RocAuc([false, false, true, true], [0.2, 0.5, 0.5, 0.9])!.Value, 12);
        Assert.Equal(0.5, ClassificationMetrics.RocAuc([false, true, false, true], [0.3, 0.3, 0.3, 0.3])!.Value, 12);
    }

    [Fact]
    public void Auc_is_perfect_or_inverted_for_ranked_scores()
    {
        Assert.Equal(1.0, ClassificationMetrics.RocAuc([false, true, true], [0.1, 0.7, 0.9])!.Value);
        Assert.Equal(0.0, ClassificationMetrics.RocAuc([true, false, false], [0.1, 0.7, 0.9])!.Value);
    }

    [Fact]
    public void Auc_is_undefined_with_a_single_class()
    {
        Assert.Null(ClassificationMetrics.RocAuc([true, true], [0.2, 0.8]));
    }

    [Fact]
    public void Log_loss_is_the_mean_negative_log_probability_of_the_actual_class()
    {
        double[][] probabilities = [[0.2, 0.8], [0.6, 0.4]];

        Assert.Equal(-(Math.Log(0.8) + Math.Log(0.6)) / 2, ClassificationMetrics.LogLoss([1, 0], probabilities), 12);
    }

    [Fact]
    public void Log_loss_stays_finite_for_a_certain_mistake()
    {
        double[][] probabilities = [[1.0, 0.0]];

        Assert.Equal(-Math.Log(1e-15), ClassificationMetrics.LogLoss([1], probabilities), 9);
    }

    [Fact]
    public void Compute_predicts_the_most_probable_class()
    {
        double[][] probabilities = [[0.9, 0.1], [0.3, 0.7], [0.6, 0.4], [0.2, 0.8]];

        var metrics = ClassificationMetrics.Compute([0, 1, 1, 1], probabilities, classCount: 2);

        Assert.Equal(0.75, metrics.Accuracy);
        Assert.Equal(0.8, metrics.F1!.Value, 12);
        Assert.Equal(1.0, metrics.RocAuc);
        Assert.Equal(4, metrics.EvaluatedRows);
        Assert.Equal(new PrimaryMetric(MetricNames.Accuracy, 0.75, HigherIsBetter: true), metrics.Primary);
    }

    [Fact]
    public void Mismatched_lengths_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => ClassificationMetrics.Accuracy([1, 0], [1]));
    }
}
