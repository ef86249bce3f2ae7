namespace AiWorkload.Training.Jobs;

/// <summary>A job that can never succeed as requested; the handler publishes TrainingFailed and dead-letters it with <see cref="Reason"/>.</summary>
public sealed class TrainingJobRejectedException : Exception
{
    public TrainingJobRejectedException(string reason, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Reason = reason;
    }

    public TrainingJobRejectedException()
        : this(TrainingFailureReasons.Unprocessable, "The training job cannot be processed.")
    {
    }

    public TrainingJobRejectedException(string message)
        : this(TrainingFailureReasons.Unprocessable, message)
    {
    }

    public TrainingJobRejectedException(string message, Exception innerException)
        : this(TrainingFailureReasons.Unprocessable, message, innerException)
    {
    }

    /// <summary>One of <see cref="TrainingFailureReasons"/>.</summary>
    public string Reason { get; }
}
