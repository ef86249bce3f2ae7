namespace AiWorkload.Orchestration.Pipelines;

/// <summary>What starts a pipeline. Only the members of its <see cref="Kind"/> are used; the validator rejects the others.</summary>
public sealed record TriggerDefinition(TriggerKind Kind)
{
    /// <summary>Event trigger: the event type (the message Subject), for example <c>DataIngested</c>.</summary>
    public string? Event { get; init; }

    /// <summary>Event trigger: a Service Bus SQL filter over the message, for example <c>user.dataset_id = 'churn'</c>.</summary>
    public string? Sql { get; init; }

    /// <summary>Event trigger: a correlation filter (exact matches), the cheaper alternative to <see cref="Sql"/>.</summary>
    public CorrelationTriggerFilter? Correlation { get; init; }

    /// <summary>Schedule trigger: five cron fields (minute hour day-of-month month day-of-week), six with seconds first, or a
    /// macro such as <c>@daily</c>; read in UTC unless <see cref="TimeZone"/> names a zone.</summary>
    public string? Cron { get; init; }

    /// <summary>Schedule trigger with cron: the IANA time zone its fields are read in (for example <c>Europe/Berlin</c>);
    /// firings follow that zone's DST changes. Null means UTC.</summary>
    public string? TimeZone { get; init; }

    /// <summary>Schedule trigger: a fixed interval, aligned to the Unix epoch so restarts do not shift it.</summary>
    public TimeSpan? Every { get; init; }

    /// <summary>The run's model id: a template over <c>${event.FIELD}</c> for event triggers, a literal for schedules.
    /// Event triggers default to the event's <c>model_id</c> property.</summary>
    public string? ModelId { get; init; }

    /// <summary>Run parameters; for event triggers, templates over <c>${event.FIELD}</c> (body field or application property).</summary>
    public IReadOnlyDictionary<string, string> Parameters { get; init; } = new Dictionary<string, string>();

    public static TriggerDefinition Manual { get; } = new(TriggerKind.Manual);

    public static TriggerDefinition OnDrift { get; } = new(TriggerKind.Drift);

    public static TriggerDefinition OnNewData { get; } = new(TriggerKind.NewData);

    public static TriggerDefinition OnEvent(string eventType, string? sql = null) => new(TriggerKind.Event) { Event = eventType, Sql = sql };

    public static TriggerDefinition OnCron(string cron) => new(TriggerKind.Schedule) { Cron = cron };

    public static TriggerDefinition OnInterval(TimeSpan every) => new(TriggerKind.Schedule) { Every = every };
}
