namespace AiWorkload.Messaging.Embedded;

/// <summary>Proof of holding a session lock: operations check the token, so a receiver whose lock was lost cannot act on the session.</summary>
internal sealed record SessionHandle(string EntityPath, string SessionId, Guid LockToken);
