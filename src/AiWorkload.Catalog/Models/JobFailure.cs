namespace AiWorkload.Catalog.Models;

/// <summary>
/// A retraining job that gave up without a decided version: the reason (one of the training service's failure reasons)
/// and its detail, recorded so the request's status can say <c>failed</c> and why instead of <c>queued</c> for ever.
/// </summary>
public sealed record JobFailure(string ModelId, string JobId, string Reason, string Detail, DateTimeOffset FailedAt);
