namespace AiWorkload.Training.Promotion;

/// <summary>The promoted version's value of the policy metric, how it was obtained, and a note for the decision text.</summary>
public sealed record BaselineScore(int Version, double? Value, BaselineBasis Basis, string Note);
