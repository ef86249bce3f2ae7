namespace AiWorkload.Catalog.Models;

/// <summary>
/// When a model counts as decayed: its reported <see cref="Metric"/> falls more than <see cref="MaxDrop"/> below the promoted
/// version's validation value, or a reported drift score exceeds <see cref="DriftScoreThreshold"/>. <see cref="CoolDown"/>
/// spaces retrainings; <see cref="NewDataRows"/> new rows since the last training start the new-data pipeline.
/// </summary>
public sealed record DriftPolicy(string Metric, double MaxDrop, double DriftScoreThreshold, TimeSpan CoolDown, int NewDataRows);
