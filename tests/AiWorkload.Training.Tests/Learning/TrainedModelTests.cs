using System.Text;
using AiWorkload.Training.Learning;

namespace AiWorkload.Training.Tests.Learning;

public sealed class TrainedModelTests
{
    [Fact]
    public async Task A_json_round_trip_predicts_identically()
    {
        var data = SyntheticData.ThreeBlobs(rowsPerClass: 100);
        var original = (await new LogisticRegressionTrainer().TrainAsync(data, TrainingOptions.Default, CancellationToken.None)).Model!;

        var reloaded = TrainedModel.FromJson(original.ToJson());

        for (var r = 0; r < data.RowCount; r++)
        {
            var features = data.GetFeatures(r).ToArray();
            Assert.Equal(original.Predict(features), reloaded.Predict(features), PredictionComparer.Exact);
        }

        Assert.Equal(original.ToJson(), reloaded.ToJson());
        Assert.Equal(original.ClassLabels, reloaded.ClassLabels);
        Assert.Equal(original.TrainerName, reloaded.TrainerName);
    }

    [Fact]
    public async Task A_stream_round_trip_through_an_artifact_keeps_regression_predictions()
    {
        var data = SyntheticData.KnownLinear(300, noise: 0.5);
        var original = (await new LinearRegressionTrainer().TrainAsync(data, TrainingOptions.Default, CancellationToken.None)).Model!;
        using var stream = new MemoryStream();
        original.WriteJson(stream);
        stream.Position = 0;

        var fromStream = TrainedModel.ReadJson(stream);
        var fromArtifact = TrainedModel.FromArtifact(original.ToArtifact());

        double[] features = [12.345678901234, -2.5];
        Assert.Equal(original.Predict(features).Value, fromStream.Predict(features).Value);
        Assert.Equal(original.Predict(features).Value, fromArtifact.Predict(features).Value);
    }

    [Fact]
    public void A_wrong_feature_count_names_expected_and_actual()
    {
        var model = SmallModel();

        var error = Assert.Throws<ArgumentException>(() => model.Predict([1.0]));

        Assert.Contains("expects 2 features [height, weight]", error.Message, StringComparison.Ordinal);
        Assert.Contains("got 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_schema_mismatch_lists_missing_and_unexpected_features()
    {
        var model = SmallModel();

        var error = Assert.Throws<ArgumentException>(() => model.EnsureSchema(["height", "age"]));

        Assert.Contains("missing [weight]", error.Message, StringComparison.Ordinal);
        Assert.Contains("unexpected [age]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluating_on_a_dataset_with_other_features_fails_clearly()
    {
        var model = SmallModel();
        var data = TabularDataset.ForRegression(["weight", "height"], [[1.0, 2.0], [3.0, 4.0]], [1, 2]);

        var error = Assert.Throws<ArgumentException>(() => model.Evaluate(data));

        Assert.Contains("different order", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Named_features_may_come_in_any_order()
    {
        var model = SmallModel();

        var byName = model.Predict(new Dictionary<string, double> { ["weight"] = 2, ["height"] = 1 });

        Assert.Equal(model.Predict([1.0, 2.0]).Value, byName.Value);
        Assert.Throws<ArgumentException>(() => model.Predict(new Dictionary<string, double> { ["height"] = 1 }));
    }

    [Fact]
    public void Non_finite_inputs_are_rejected()
    {
        var error = Assert.Throws<ArgumentException>(() => SmallModel().Predict([double.NaN, 1.0]));

        Assert.Contains("'height'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Corrupt_or_foreign_artifacts_are_rejected()
    {
        Assert.Throws<InvalidDataException>(() => TrainedModel.FromJson("{\"formatVersion\":1"u8));
        Assert.Throws<InvalidDataException>(() => TrainedModel.FromJson(Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(SmallModel().ToJson()).Replace("\"formatVersion\":1", "\"formatVersion\":9", StringComparison.Ordinal))));
        Assert.Throws<InvalidDataException>(() => TrainedModel.FromJson(Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(SmallModel().ToJson()).Replace("[0.5,-1.5]", "[0.5]", StringComparison.Ordinal))));
        Assert.Throws<ArgumentException>(() => TrainedModel.FromArtifact(new ModelArtifact("application/octet-stream", [1, 2, 3])));
    }

    [Fact]
    public void Original_scale_coefficients_fold_in_the_standardization()
    {
        var model = SmallModel();

        var coefficients = model.ToOriginalScale();

        // Standardized: 0.5·(h − 1)/2 − 1.5·(w − 3)/4 + 10.
        Assert.Equal(0.25, coefficients.Weights[0][0], 12);
        Assert.Equal(-0.375, coefficients.Weights[0][1], 12);
        Assert.Equal(10 - 0.25 + 1.125, coefficients.Intercepts[0], 12);
        Assert.Equal(coefficients.Intercepts[0] + (0.25 * 3) - (0.375 * 5), model.Predict([3.0, 5.0]).Value!.Value, 12);
    }

    private static TrainedModel SmallModel() => new(
        ModelTask.Regression,
        "hand-made",
        ["height", "weight"],
        "score",
        [],
        new Standardizer([1, 3], [2, 4]),
        [[0.5, -1.5]],
        [10]);

    private sealed class PredictionComparer : IEqualityComparer<Prediction>
    {
        public static PredictionComparer Exact { get; } = new();

        public bool Equals(Prediction? x, Prediction? y) =>
            x!.Value == y!.Value && x.Label == y.Label && x.ClassIndex == y.ClassIndex && x.Probabilities.SequenceEqual(y.Probabilities);

        public int GetHashCode(Prediction obj) => 0;
    }
}
