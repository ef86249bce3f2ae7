namespace AiWorkload.Ingestion.Models;

/// <summary>The dataset a model learns from: numeric feature columns, in order, and the label column.</summary>
public sealed record DatasetSchemaRequest(string? Id, IReadOnlyList<string>? Features = null, string? Label = null);
