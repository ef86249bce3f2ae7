namespace AiWorkload.Ingestion.Datasets;

/// <summary>One CSV record: the line it starts on (1-based, as editors show it) and its fields.</summary>
internal sealed record CsvRecord(int Line, IReadOnlyList<string> Fields, bool UnclosedQuote)
{
    public bool IsBlank => Fields is [""];
}
