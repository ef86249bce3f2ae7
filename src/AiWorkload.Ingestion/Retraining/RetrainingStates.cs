namespace AiWorkload.Ingestion.Retraining;

public static class RetrainingStates
{
    /// <summary>Accepted and on its way to (or in) the retraining queue.</summary>
    public const string Queued = "queued";

    /// <summary>The retraining service recorded a version for the request (promoted or not).</summary>
    public const string Trained = "trained";
}
