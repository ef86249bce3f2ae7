namespace AiWorkload.Training.Learning;

/// <summary>
/// A linear model's weights expressed on the raw (unstandardized) features: score = intercept + Σ weight·x.
/// Weights are indexed [output][feature]; there is one output for regression and binary classification.
/// </summary>
public sealed record LinearCoefficients(IReadOnlyList<IReadOnlyList<double>> Weights, IReadOnlyList<double> Intercepts);
