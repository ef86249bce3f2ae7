namespace AiWorkload.Orchestration.Activities;

/// <summary>An input is missing or malformed: the activity fails without retrying, since a retry would see the same input.</summary>
public sealed class ActivityInputException : Exception
{
    public ActivityInputException()
    {
    }

    public ActivityInputException(string message)
        : base(message)
    {
    }

    public ActivityInputException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
