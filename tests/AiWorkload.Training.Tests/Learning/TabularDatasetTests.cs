using AiWorkload.Training.Learning;

namespace AiWorkload.Training.Tests.Learning;

public sealed class TabularDatasetTests
{
    [Fact]
    public void Class_order_does_not_depend_on_row_order()
    {
        var first = TabularDataset.ForClassification(["x"], [[1.0], [2.0]], ["yes", "no"]);
        var second = TabularDataset.ForClassification(["x"], [[2.0], [1.0]], ["no", "yes"]);

        Assert.Equal(first.ClassLabels, second.ClassLabels);
        Assert.Equal(1, first.GetClassIndex(0));
    }

    [Fact]
    public void An_explicit_class_order_is_kept()
    {
        var data = TabularDataset.ForClassification(["x"], [[1.0], [2.0]], ["spam", "ham"], classOrder: ["spam", "ham"]);

        Assert.Equal(0, data.GetClassIndex(0));
        Assert.Throws<ArgumentException>(() => TabularDataset.ForClassification(["x"], [[1.0]], ["eggs"], classOrder: ["spam", "ham"]));
    }

    [Fact]
    public void Rows_must_match_the_feature_count_and_be_finite()
    {
        var shortRow = Assert.Throws<ArgumentException>(() => TabularDataset.ForRegression(["a", "b"], [[1.0, 2.0], [3.0]], [1, 2]));
        var infinite = Assert.Throws<ArgumentException>(() => TabularDataset.ForRegression(["a"], [[double.PositiveInfinity]], [1]));

        Assert.Contains("Row 1 has 1 values", shortRow.Message, StringComparison.Ordinal);
        Assert.Contains("Row 0, feature 0", infinite.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Duplicate_features_and_a_label_named_like_a_feature_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => TabularDataset.ForRegression(["a", "a"], [[1.0, 2.0]], [1]));
        Assert.Throws<ArgumentException>(() => TabularDataset.ForRegression(["a"], [[1.0]], [1], labelName: "a"));
    }

    [Fact]
    public void The_dataset_keeps_its_own_copy_of_the_rows()
    {
        double[][] rows = [[1.0]];
        var data = TabularDataset.ForRegression(["a"], rows, [1]);

        rows[0][0] = 99;

        Assert.Equal(1.0, data.GetFeatures(0)[0]);
    }

    [Fact]
    public void A_stratified_split_keeps_class_proportions()
    {
        var labels = Enumerable.Range(0, 1000).Select(i => i % 10 == 0 ? "rare" : "common").ToArray();
        var rows = labels.Select((_, i) => new[] { (double)i }).ToArray();
        var data = TabularDataset.ForClassification(["i"], rows, labels);

        var split = DataSplit.Create(data, 0.2, seed: 5);

        Assert.Equal(20, split.ValidationIndices.Count(i => labels[i] == "rare"));
        Assert.Equal(200, split.ValidationIndices.Count);
        Assert.Empty(split.TrainIndices.Intersect(split.ValidationIndices));
        Assert.Equal(1000, split.TrainIndices.Count + split.ValidationIndices.Count);
    }

    [Fact]
    public void A_split_is_a_pure_function_of_the_seed()
    {
        var data = SyntheticData.KnownLinear(100, noise: 1);

        Assert.Equal(DataSplit.Create(data, 0.3, 9).ValidationIndices, DataSplit.Create(data, 0.3, 9).ValidationIndices);
        Assert.NotEqual(DataSplit.Create(data, 0.3, 9).ValidationIndices, DataSplit.Create(data, 0.3, 10).ValidationIndices);
    }

    [Fact]
    public void A_subset_keeps_the_class_order()
    {
        var data = TabularDataset.ForClassification(["x"], [[1.0], [2.0], [3.0]], ["a", "b", "c"]);

        var subset = data.Subset([2]);

        Assert.Equal(["a", "b", "c"], subset.ClassLabels);
        Assert.Equal(2, subset.GetClassIndex(0));
    }
}
