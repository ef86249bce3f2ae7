namespace AiWorkload.Training.Learning;

/// <summary>Row indices of the training and validation parts of a dataset, each in ascending order.</summary>
public sealed record DataSplit(IReadOnlyList<int> TrainIndices, IReadOnlyList<int> ValidationIndices)
{
    /// <summary>
    /// A seeded shuffle split. Classification splits are stratified: each class gives about the same share to
    /// validation, so rare classes still appear in the metrics. A class with a single row stays in training.
    /// </summary>
    public static DataSplit Create(TabularDataset data, double validationFraction, int seed)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (!(validationFraction > 0 && validationFraction < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(validationFraction), validationFraction, "The validation fraction must lie strictly between 0 and 1.");
        }

        var random = new Random(seed);
        var groups = data.Task == ModelTask.Classification
            ? Enumerable.Range(0, data.RowCount).GroupBy(data.GetClassIndex).OrderBy(g => g.Key).Select(g => g.ToArray())
            : [Enumerable.Range(0, data.RowCount).ToArray()];

        var train = new List<int>(data.RowCount);
        var validation = new List<int>();
        foreach (var group in groups)
        {
            SeededShuffle.Shuffle(group, random);
            var validationCount = group.Length < 2 ? 0 : Math.Clamp((int)Math.Round(group.Length * validationFraction, MidpointRounding.AwayFromZero), 1, group.Length - 1);
            validation.AddRange(group.AsSpan(0, validationCount));
            train.AddRange(group.AsSpan(validationCount));
        }

        if (train.Count == 0 || validation.Count == 0)
        {
            throw new ArgumentException($"The dataset has {data.RowCount} rows, too few to hold out a validation split; at least 2 are needed.", nameof(data));
        }

        train.Sort();
        validation.Sort();
        return new DataSplit(train, validation);
    }
}
