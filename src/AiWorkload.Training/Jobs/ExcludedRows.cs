namespace AiWorkload.Training.Jobs;

/// <summary>
/// Rows of a pinned snapshot left out of a job because no trainer could use them (a value stored before ingestion
/// checked the trainable range, or written by another path). Recorded in the job's outcome and its decision, so a
/// version trained without them says so.
/// </summary>
public sealed record ExcludedRows(int Count, int FirstRow, string Reason)
{
    /// <summary>How the decision text mentions it; rows are numbered from 0 in the dataset's storage order.</summary>
    public string Describe(long dataVersion) =>
        $"{Count} row(s) of data version {dataVersion} were excluded ({Reason}; the first is row {FirstRow}).";
}
