namespace AiWorkload.Orchestration.Activities;

/// <summary>The built-in activity type names, as pipeline files spell them.</summary>
public static class ActivityTypes
{
    public const string ValidateDataset = "validateDataset";
    public const string Train = "train";
    public const string Evaluate = "evaluate";
    public const string Promote = "promote";
    public const string WaitForEvent = "waitForEvent";
    public const string Notify = "notify";

    /// <summary>Not an <see cref="IActivity"/>: the engine itself runs the inner activity per item.</summary>
    public const string ForEach = "forEach";
}
