using System.Globalization;
using System.Text;

namespace AiWorkload.Training.Learning;

/// <summary>
/// Numeric feature rows with one label each: class names for classification (mapped to indices in a stable
/// order, see <see cref="ClassLabels"/>), numbers for regression. Immutable once built, so trainers can
/// share it across threads.
/// </summary>
public sealed class TabularDataset
{
    private readonly double[][] rows;
    private readonly string[] featureNames;
    private readonly string[] classLabels;
    private readonly int[] classIndices;
    private readonly double[] targets;

    private TabularDataset(ModelTask task, string[] featureNames, string labelName, double[][] rows, string[] classLabels, int[] classIndices, double[] targets)
    {
        Task = task;
        this.featureNames = featureNames;
        LabelName = labelName;
        this.rows = rows;
        this.classLabels = classLabels;
        this.classIndices = classIndices;
        this.targets = targets;
    }

    public ModelTask Task { get; }

    public IReadOnlyList<string> FeatureNames => featureNames;

    public string LabelName { get; }

    /// <summary>Class names by class index; empty for regression. Index 1 is the positive class of a binary task.</summary>
    public IReadOnlyList<string> ClassLabels => classLabels;

    public int RowCount => rows.Length;

    public int FeatureCount => featureNames.Length;

    public ReadOnlySpan<double> GetFeatures(int row) => rows[row];

    public int GetClassIndex(int row)
    {
        EnsureTask(ModelTask.Classification);
        return classIndices[row];
    }

    public string GetClassLabel(int row) => classLabels[GetClassIndex(row)];

    public double GetTarget(int row)
    {
        EnsureTask(ModelTask.Regression);
        return targets[row];
    }

    /// <param name="classOrder">Class labels by index; when omitted, labels sort numerically if all are numbers, otherwise ordinally.</param>
    public static TabularDataset ForClassification(
        IReadOnlyList<string> featureNames,
        IReadOnlyList<IReadOnlyList<double>> rows,
        IReadOnlyList<string> labels,
        string labelName = "label",
        IReadOnlyList<string>? classOrder = null)
    {
        var names = FeatureSchema.ValidateNames(featureNames, nameof(featureNames));
        ValidateLabelName(labelName, names);
        ArgumentNullException.ThrowIfNull(labels);
        var copiedRows = CopyRows(rows, names.Length);
        if (labels.Count != copiedRows.Length)
        {
            throw new ArgumentException($"There are {copiedRows.Length} rows but {labels.Count} labels.", nameof(labels));
        }

        if (labels.Any(string.IsNullOrEmpty))
        {
            throw new ArgumentException("Class labels must not be empty.", nameof(labels));
        }

        var order = classOrder is null ? ClassLabelOrder.Natural(labels) : ValidateClassOrder(classOrder);
        var indexOf = order.Select((label, index) => (label, index)).ToDictionary(p => p.label, p => p.index, StringComparer.Ordinal);
        var indices = new int[labels.Count];
        for (var i = 0; i < labels.Count; i++)
        {
            indices[i] = indexOf.TryGetValue(labels[i], out var index)
                ? index
                : throw new ArgumentException($"Row {i} has label '{labels[i]}', which is not in the class order [{string.Join(", ", order)}].", nameof(labels));
        }

        return new TabularDataset(ModelTask.Classification, names, labelName, copiedRows, order, indices, []);
    }

    public static TabularDataset ForRegression(
        IReadOnlyList<string> featureNames,
        IReadOnlyList<IReadOnlyList<double>> rows,
        IReadOnlyList<double> targets,
        string labelName = "label")
    {
        var names = FeatureSchema.ValidateNames(featureNames, nameof(featureNames));
        ValidateLabelName(labelName, names);
        ArgumentNullException.ThrowIfNull(targets);
        var copiedRows = CopyRows(rows, names.Length);
        if (targets.Count != copiedRows.Length)
        {
            throw new ArgumentException($"There are {copiedRows.Length} rows but {targets.Count} targets.", nameof(targets));
        }

        var copiedTargets = targets.ToArray();
        var bad = Array.FindIndex(copiedTargets, t => !double.IsFinite(t));
        if (bad >= 0)
        {
            throw new ArgumentException($"Target of row {bad} is {copiedTargets[bad]}; targets must be finite.", nameof(targets));
        }

        return new TabularDataset(ModelTask.Regression, names, labelName, copiedRows, [], [], copiedTargets);
    }

    /// <summary>
    /// Reads a CSV with a header row (invariant culture, comma separated, RFC 4180 quoting). Columns other than
    /// the requested ones are ignored. Malformed input raises <see cref="CsvFormatException"/> naming line and column.
    /// </summary>
    public static TabularDataset ReadCsv(TextReader reader, IReadOnlyList<string> featureColumns, string labelColumn, ModelTask task)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var names = FeatureSchema.ValidateNames(featureColumns, nameof(featureColumns));
        ValidateLabelName(labelColumn, names);
        return TabularCsv.Read(reader, names, labelColumn, task);
    }

    public static TabularDataset ReadCsv(Stream stream, IReadOnlyList<string> featureColumns, string labelColumn, ModelTask task)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, leaveOpen: true);
        return ReadCsv(reader, featureColumns, labelColumn, task);
    }

    /// <summary>Writes the header (features, then label) and rows; numbers use the shortest text that parses back to the same double.</summary>
    public void WriteCsv(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        TabularCsv.Write(this, writer);
    }

    public void WriteCsv(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 64 * 1024, leaveOpen: true);
        WriteCsv(writer);
    }

    /// <summary>The given rows, in the given order, keeping the class order so indices stay comparable.</summary>
    public TabularDataset Subset(IReadOnlyList<int> rowIndices)
    {
        ArgumentNullException.ThrowIfNull(rowIndices);
        var pickedRows = rowIndices.Select(i => rows[i]).ToArray();
        return new TabularDataset(
            Task,
            featureNames,
            LabelName,
            pickedRows,
            classLabels,
            Task == ModelTask.Classification ? rowIndices.Select(i => classIndices[i]).ToArray() : [],
            Task == ModelTask.Regression ? rowIndices.Select(i => targets[i]).ToArray() : []);
    }

    internal static TabularDataset FromOwnedArrays(ModelTask task, string[] featureNames, string labelName, double[][] rows, string[] classLabels, int[] classIndices, double[] targets) =>
        new(task, featureNames, labelName, rows, classLabels, classIndices, targets);

    private void EnsureTask(ModelTask expected)
    {
        if (Task != expected)
        {
            throw new InvalidOperationException($"This is a {Task.ToWireName()} dataset; the operation needs a {expected.ToWireName()} dataset.");
        }
    }

    private static void ValidateLabelName(string labelName, string[] featureNames)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(labelName);
        if (featureNames.Contains(labelName, StringComparer.Ordinal))
        {
            throw new ArgumentException($"The label '{labelName}' cannot also be a feature.", nameof(labelName));
        }
    }

    private static string[] ValidateClassOrder(IReadOnlyList<string> classOrder)
    {
        var order = classOrder.ToArray();
        if (order.Any(string.IsNullOrEmpty) || order.Distinct(StringComparer.Ordinal).Count() != order.Length)
        {
            throw new ArgumentException("The class order must list distinct, non-empty labels.", nameof(classOrder));
        }

        return order;
    }

    private static double[][] CopyRows(IReadOnlyList<IReadOnlyList<double>> rows, int featureCount)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var copy = new double[rows.Count][];
        for (var r = 0; r < copy.Length; r++)
        {
            var source = rows[r] ?? throw new ArgumentException($"Row {r} is null.", nameof(rows));
            if (source.Count != featureCount)
            {
                throw new ArgumentException($"Row {r} has {source.Count} values but there are {featureCount} features.", nameof(rows));
            }

            var row = source is double[] array ? (double[])array.Clone() : [.. source];
            var bad = Array.FindIndex(row, v => !double.IsFinite(v));
            if (bad >= 0)
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Row {r}, feature {bad} is {row[bad]}; features must be finite."), nameof(rows));
            }

            copy[r] = row;
        }

        return copy;
    }
}
