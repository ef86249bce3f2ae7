namespace AiWorkload.Ingestion.Retraining;

public static class RetrainingStates
{
    /// <summary>Accepted and on its way to (or in) the retraining queue.</summary>
    public const string Queued = "queued";

    /// <summary>The model is trained and stored as a candidate; the promotion decision is not recorded yet.</summary>
    public const string Evaluating = "evaluating";

    /// <summary>The retraining service recorded the version and its decision (promoted or rejected).</summary>
    public const string Trained = "trained";
}
