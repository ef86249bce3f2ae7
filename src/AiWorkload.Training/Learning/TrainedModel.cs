using System.Globalization;

namespace AiWorkload.Training.Learning;

/// <summary>
/// A linear model with its preprocessing: standardize, then score = bias + weights·x, then identity
/// (regression), sigmoid (two classes) or softmax (more). It carries its feature schema so callers get a clear
/// error instead of a silent wrong answer when they pass features in another shape.
/// </summary>
public sealed class TrainedModel
{
    public const string ArtifactContentType = "application/vnd.aiworkload.linear-model+json";

    private readonly string[] featureNames;
    private readonly string[] classLabels;
    private readonly double[][] weights;
    private readonly double[] bias;

    /// <param name="weights">Indexed [output][feature] on standardized features: one output for regression and binary classification, one per class otherwise.</param>
    public TrainedModel(
        ModelTask task,
        string trainerName,
        IReadOnlyList<string> featureNames,
        string labelName,
        IReadOnlyList<string> classLabels,
        Standardizer standardizer,
        IReadOnlyList<IReadOnlyList<double>> weights,
        IReadOnlyList<double> bias)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(trainerName);
        ArgumentException.ThrowIfNullOrWhiteSpace(labelName);
        ArgumentNullException.ThrowIfNull(classLabels);
        ArgumentNullException.ThrowIfNull(standardizer);
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentNullException.ThrowIfNull(bias);
        this.featureNames = FeatureSchema.ValidateNames(featureNames, nameof(featureNames));
        this.classLabels = ValidateClassLabels(task, classLabels);
        if (standardizer.FeatureCount != this.featureNames.Length)
        {
            throw new ArgumentException($"The standardizer covers {standardizer.FeatureCount} features but the model has {this.featureNames.Length}.", nameof(standardizer));
        }

        var outputs = task == ModelTask.Regression || this.classLabels.Length == 2 ? 1 : this.classLabels.Length;
        if (weights.Count != outputs || bias.Count != outputs || weights.Any(w => w is null || w.Count != this.featureNames.Length))
        {
            throw new ArgumentException($"Expected {outputs} weight rows of {this.featureNames.Length} values and {outputs} biases.", nameof(weights));
        }

        this.weights = [.. weights.Select(w => w.ToArray())];
        this.bias = [.. bias];
        if (this.weights.Any(w => w.Any(v => !double.IsFinite(v))) || this.bias.Any(b => !double.IsFinite(b)))
        {
            throw new ArgumentException("Weights and biases must be finite.", nameof(weights));
        }

        Task = task;
        TrainerName = trainerName;
        LabelName = labelName;
        Standardizer = standardizer;
    }

    public ModelTask Task { get; }

    public string TrainerName { get; }

    public IReadOnlyList<string> FeatureNames => featureNames;

    public string LabelName { get; }

    /// <summary>Class names by index; empty for regression.</summary>
    public IReadOnlyList<string> ClassLabels => classLabels;

    public Standardizer Standardizer { get; }

    public IReadOnlyList<IReadOnlyList<double>> Weights => weights;

    public IReadOnlyList<double> Bias => bias;

    /// <summary>Predicts from feature values in <see cref="FeatureNames"/> order.</summary>
    public Prediction Predict(IReadOnlyList<double> features)
    {
        ArgumentNullException.ThrowIfNull(features);
        if (features.Count != featureNames.Length)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"The model expects {featureNames.Length} features [{string.Join(", ", featureNames)}] but got {features.Count} values."),
                nameof(features));
        }

        var values = features.ToArray();
        var bad = Array.FindIndex(values, v => !double.IsFinite(v));
        if (bad >= 0)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Feature '{featureNames[bad]}' is {values[bad]}; features must be finite."), nameof(features));
        }

        return ToPrediction(Score(values));
    }

    /// <summary>Predicts from named feature values; every model feature must be present and no others.</summary>
    public Prediction Predict(IReadOnlyDictionary<string, double> featuresByName)
    {
        ArgumentNullException.ThrowIfNull(featuresByName);
        EnsureSchema([.. featuresByName.Keys.Order(StringComparer.Ordinal)], requireSameOrder: false);
        return Predict(featureNames.Select(name => featuresByName[name]).ToArray());
    }

    /// <summary>Throws an <see cref="ArgumentException"/> naming expected and actual features unless they match this model.</summary>
    public void EnsureSchema(IReadOnlyList<string> actualFeatureNames, bool requireSameOrder = true)
    {
        ArgumentNullException.ThrowIfNull(actualFeatureNames);
        var matches = requireSameOrder
            ? FeatureSchema.SameNames(featureNames, actualFeatureNames)
            : actualFeatureNames.Count == featureNames.Length && featureNames.All(actualFeatureNames.Contains);
        if (!matches)
        {
            throw new ArgumentException(FeatureSchema.DescribeMismatch(featureNames, actualFeatureNames), nameof(actualFeatureNames));
        }
    }

    /// <summary>Metrics of this model on some rows of <paramref name="data"/> (all rows when none are given).</summary>
    public ModelMetrics Evaluate(TabularDataset data, IReadOnlyList<int>? rowIndices = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        EnsureSchema(data.FeatureNames);
        if (data.Task != Task)
        {
            throw new ArgumentException($"A {Task.ToWireName()} model cannot be evaluated on a {data.Task.ToWireName()} dataset.", nameof(data));
        }

        var rows = rowIndices ?? Enumerable.Range(0, data.RowCount).ToArray();
        if (Task == ModelTask.Regression)
        {
            var actual = rows.Select(data.GetTarget).ToArray();
            var predicted = rows.Select(r => Score(data.GetFeatures(r))[0]).ToArray();
            return RegressionMetrics.Compute(actual, predicted);
        }

        var toModelIndex = data.ClassLabels.Select(label => Array.IndexOf(classLabels, label)).ToArray();
        var unknown = data.ClassLabels.Where((_, i) => toModelIndex[i] < 0).ToList();
        if (unknown.Count > 0)
        {
            throw new ArgumentException($"The data has classes [{string.Join(", ", unknown)}] that the model does not know; it knows [{string.Join(", ", classLabels)}].", nameof(data));
        }

        var actualClasses = rows.Select(r => toModelIndex[data.GetClassIndex(r)]).ToArray();
        var probabilities = rows.Select(r => (IReadOnlyList<double>)Score(data.GetFeatures(r))).ToArray();
        return ClassificationMetrics.Compute(actualClasses, probabilities, classLabels.Length);
    }

    /// <summary>The same model with the standardization folded into the weights, e.g. to read off effect sizes.</summary>
    public LinearCoefficients ToOriginalScale()
    {
        var raw = weights.Select(w => (IReadOnlyList<double>)w.Select((weight, f) => weight / Standardizer.Scales[f]).ToArray()).ToArray();
        var intercepts = bias.Select((b, o) => b - weights[o].Select((weight, f) => weight * Standardizer.Means[f] / Standardizer.Scales[f]).Sum()).ToArray();
        return new LinearCoefficients(raw, intercepts);
    }

    public byte[] ToJson() => TrainedModelJson.Serialize(this);

    public void WriteJson(Stream stream) => TrainedModelJson.Serialize(this, stream);

    /// <exception cref="InvalidDataException">The bytes are not a valid model artifact.</exception>
    public static TrainedModel FromJson(ReadOnlySpan<byte> json) => TrainedModelJson.Deserialize(json);

    /// <exception cref="InvalidDataException">The stream does not hold a valid model artifact.</exception>
    public static TrainedModel ReadJson(Stream stream) => TrainedModelJson.Deserialize(stream);

    public ModelArtifact ToArtifact() => new(ArtifactContentType, ToJson());

    public static TrainedModel FromArtifact(ModelArtifact artifact)
    {
        ArgumentNullException.ThrowIfNull(artifact);
        return artifact.ContentType == ArtifactContentType
            ? FromJson(artifact.Bytes)
            : throw new ArgumentException($"Artifacts of type '{artifact.ContentType}' are not built-in models (expected '{ArtifactContentType}').", nameof(artifact));
    }

    /// <summary>Regression: [value]. Classification: one probability per class.</summary>
    internal double[] Score(ReadOnlySpan<double> features)
    {
        var standardized = Standardizer.Transform(features);
        var scores = new double[weights.Length];
        for (var o = 0; o < weights.Length; o++)
        {
            var score = bias[o];
            var row = weights[o];
            for (var f = 0; f < row.Length; f++)
            {
                score += row[f] * standardized[f];
            }

            scores[o] = score;
        }

        if (Task == ModelTask.Regression)
        {
            return scores;
        }

        if (classLabels.Length == 2)
        {
            var positive = LinkFunctions.Sigmoid(scores[0]);
            return [1 - positive, positive];
        }

        LinkFunctions.SoftmaxInPlace(scores);
        return scores;
    }

    private Prediction ToPrediction(double[] scores)
    {
        if (Task == ModelTask.Regression)
        {
            return Prediction.ForRegression(scores[0]);
        }

        var best = LinkFunctions.ArgMax(scores);
        return Prediction.ForClass(best, classLabels[best], scores);
    }

    private static string[] ValidateClassLabels(ModelTask task, IReadOnlyList<string> classLabels)
    {
        if (task == ModelTask.Regression)
        {
            return classLabels.Count == 0 ? [] : throw new ArgumentException("A regression model has no class labels.", nameof(classLabels));
        }

        if (classLabels.Count < 2 || classLabels.Any(string.IsNullOrEmpty) || classLabels.Distinct(StringComparer.Ordinal).Count() != classLabels.Count)
        {
            throw new ArgumentException("A classification model needs at least two distinct, non-empty class labels.", nameof(classLabels));
        }

        return [.. classLabels];
    }
}
