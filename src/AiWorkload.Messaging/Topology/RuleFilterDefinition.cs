namespace AiWorkload.Messaging.Topology;

/// <summary>A rule filter as data; the engine compiles it, the AppHost and infra translate it.</summary>
public abstract record RuleFilterDefinition;
