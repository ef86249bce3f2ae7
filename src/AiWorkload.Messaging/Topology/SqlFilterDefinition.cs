namespace AiWorkload.Messaging.Topology;

/// <summary>A SQL filter such as <c>user.trigger = 'model_training'</c>.</summary>
public sealed record SqlFilterDefinition(string Expression) : RuleFilterDefinition;
