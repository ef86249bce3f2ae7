namespace AiWorkload.Orchestration.Policies;

public static class PolicyNames
{
    public const string Drift = "drift";

    public const string NewData = "new-data";
}
