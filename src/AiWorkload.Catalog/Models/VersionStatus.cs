namespace AiWorkload.Catalog.Models;

public enum VersionStatus
{
    /// <summary>Trained, not yet compared.</summary>
    Candidate,

    /// <summary>The version inference serves; at most one per model.</summary>
    Promoted,

    /// <summary>Did not beat the promoted version.</summary>
    Rejected,

    /// <summary>Was promoted, then replaced.</summary>
    Retired,
}
