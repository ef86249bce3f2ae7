using System.Text.Json;

namespace AiWorkload.Ingestion.Datasets;

/// <summary>
/// The JSON form of a batch, for the OpenAPI document: <c>{"records": [{"column": value, ...}, ...]}</c>, one object per row
/// with every feature as a number and the label. The endpoint reads it row by row to name each error's record and column.
/// </summary>
public sealed record JsonRecordsRequest(IReadOnlyList<IReadOnlyDictionary<string, JsonElement>> Records);
