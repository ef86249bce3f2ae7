namespace AiWorkload.Messaging.Amqp.Security;

/// <summary>What one accepted token allows: rights on an entity path and everything below it, until it expires.</summary>
internal sealed record AccessGrant(string Scope, AccessRights Rights, DateTimeOffset ExpiresAt)
{
    /// <summary>An empty scope is the namespace root and covers every entity.</summary>
    public bool Covers(string entityPath, AccessRights needed, DateTimeOffset now) =>
        now < ExpiresAt &&
        (Rights & needed) == needed &&
        (Scope.Length == 0 ||
         string.Equals(entityPath, Scope, StringComparison.OrdinalIgnoreCase) ||
         entityPath.StartsWith(Scope + "/", StringComparison.OrdinalIgnoreCase));
}
