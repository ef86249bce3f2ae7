namespace AiWorkload.Ingestion.Models;

/// <summary>Policy values used when a registration leaves them out.</summary>
internal static class ModelDefaults
{
    public const string Trainer = "builtin";

    /// <summary>Any improvement promotes: the first trained version always does, later ones only when better.</summary>
    public const double MinimumImprovement = 0.0;

    /// <summary>Five points of accuracy (or R²) below the promoted version's validation value is decay.</summary>
    public const double MaxDrop = 0.05;

    public const double DriftScoreThreshold = 0.3;

    public static readonly TimeSpan CoolDown = TimeSpan.FromHours(1);

    public static readonly TimeSpan MaxCoolDown = TimeSpan.FromDays(30);

    public const int NewDataRows = 1000;

    public const int MaxFeatures = 1000;
}
