namespace AiWorkload.Ingestion.Retraining;

public static class RetrainingStates
{
    /// <summary>Accepted and on its way to (or in) the retraining queue.</summary>
    public const string Queued = "queued";

    /// <summary>The model is trained and stored as a candidate; the promotion decision is not recorded yet.</summary>
    public const string Evaluating = "evaluating";

    /// <summary>The retraining service recorded the version and its decision (promoted or rejected).</summary>
    public const string Trained = "trained";

    /// <summary>
    /// The job gave up without a decided version (bad data, a trainer that cannot fit, retries exhausted); final until
    /// the request is resubmitted from the dead-letter queue and trains.
    /// </summary>
    public const string Failed = "failed";
}
