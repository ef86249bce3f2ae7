namespace AiWorkload.Training.Learning;

/// <summary>The lower-case spelling of <see cref="ModelTask"/> used in artifacts and by external trainers.</summary>
internal static class ModelTaskText
{
    public static string ToWireName(this ModelTask task) => task switch
    {
        ModelTask.Classification => "classification",
        ModelTask.Regression => "regression",
        _ => throw new ArgumentOutOfRangeException(nameof(task), task, "Unknown model task."),
    };

    public static bool TryParse(string? text, out ModelTask task)
    {
        switch (text)
        {
            case "classification":
                task = ModelTask.Classification;
                return true;
            case "regression":
                task = ModelTask.Regression;
                return true;
            default:
                task = default;
                return false;
        }
    }
}
