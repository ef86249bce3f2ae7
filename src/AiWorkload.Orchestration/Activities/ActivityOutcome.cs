namespace AiWorkload.Orchestration.Activities;

public enum ActivityOutcome
{
    Completed,
    Waiting,
    Failed,
}
