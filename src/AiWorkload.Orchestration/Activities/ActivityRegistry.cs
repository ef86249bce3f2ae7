namespace AiWorkload.Orchestration.Activities;

/// <summary>The registered activity types by name. A later registration of a name replaces an earlier one, built-ins included.</summary>
internal sealed class ActivityRegistry
{
    private readonly Dictionary<string, IActivity> _byType = new(StringComparer.Ordinal);

    public ActivityRegistry(IEnumerable<IActivity> activities)
    {
        foreach (var activity in activities)
        {
            _byType[activity.Type] = activity;
        }
    }

    public IReadOnlyDictionary<string, IReadOnlyCollection<string>> Types =>
        _byType.ToDictionary(p => p.Key, p => p.Value.RequiredInputs, StringComparer.Ordinal);

    public IActivity? Find(string type) => _byType.GetValueOrDefault(type);
}
