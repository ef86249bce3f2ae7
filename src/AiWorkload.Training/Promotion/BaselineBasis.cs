namespace AiWorkload.Training.Promotion;

/// <summary>Where the promoted version's number in a comparison came from, which decides how much it can be trusted.</summary>
public enum BaselineBasis
{
    /// <summary>The promoted model was re-scored on the candidate's own validation rows: a like-for-like comparison.</summary>
    SameValidationData,

    /// <summary>The promoted artifact is opaque (an external trainer's), so its stored metric is used as recorded.</summary>
    StoredMetrics,

    /// <summary>The promoted model cannot score the candidate's data (new classes, another schema, a corrupt artifact).</summary>
    Unscorable,
}
