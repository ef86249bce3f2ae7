namespace AiWorkload.Training.Promotion;

/// <summary>
/// The outcome of comparing a candidate with the promoted version: whether to promote, the numbers compared, and
/// <see cref="Reason"/>, the sentence recorded with the version and carried by ModelPromoted or ModelRejected.
/// </summary>
public sealed record PromotionDecision(bool Promote, string Metric, double CandidateValue, int? BaselineVersion, double? BaselineValue, string Reason);
