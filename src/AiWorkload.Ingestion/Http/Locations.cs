namespace AiWorkload.Ingestion.Http;

/// <summary>The URLs answers point to. Runs are served by the orchestration API at <c>/api/runs/{runId}</c> in the same app.</summary>
internal static class Locations
{
    public const string ApiPrefix = "/api";

    public static string Model(string modelId) => $"{ApiPrefix}/models/{Uri.EscapeDataString(modelId)}";

    public static string Dataset(string datasetId) => $"{ApiPrefix}/datasets/{Uri.EscapeDataString(datasetId)}";

    public static string Retraining(string modelId, string requestId) => $"{Model(modelId)}/retrainings/{Uri.EscapeDataString(requestId)}";

    public static string Run(string runId) => $"{ApiPrefix}/runs/{Uri.EscapeDataString(runId)}";
}
