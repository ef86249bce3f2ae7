namespace AiWorkload.Ingestion;

/// <summary>Limits of the ingestion API, from the <c>Ingestion</c> configuration section.</summary>
public sealed class IngestionOptions
{
    public const string ConfigurationSection = "Ingestion";

    /// <summary>The largest request body accepted (413 beyond it): a CSV batch of 100,000 rows of 6 features fits.</summary>
    public long MaxRequestBodyBytes { get; set; } = 8 * 1024 * 1024;

    /// <summary>The most rows one batch may carry; larger uploads are split by the client.</summary>
    public int MaxRowsPerBatch { get; set; } = 100_000;
}
