using System.Security.Principal;

namespace AiWorkload.Messaging.Amqp.Security;

/// <summary>A connection signed in with a key over SASL PLAIN: it has that key's rights on the whole namespace.</summary>
internal sealed class KeyPrincipal(SharedAccessKey key) : IPrincipal
{
    public SharedAccessKey Key => key;

    public IIdentity Identity { get; } = new GenericIdentity(key.Name, "PLAIN");

    public bool IsInRole(string role) => Enum.TryParse<AccessRights>(role, out var right) && (key.Rights & right) == right;
}
