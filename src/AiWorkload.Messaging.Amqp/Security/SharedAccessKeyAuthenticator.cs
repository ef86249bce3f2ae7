using System.Security.Cryptography;
using System.Security.Principal;
using System.Text;
using Microsoft.Azure.Amqp.Sasl;

namespace AiWorkload.Messaging.Amqp.Security;

/// <summary>SASL PLAIN with a key name as the user and the key as the password: the whole namespace, with that key's rights.</summary>
internal sealed class SharedAccessKeyAuthenticator(IReadOnlyList<SharedAccessKey> keys) : ISaslPlainAuthenticator
{
    public Task<IPrincipal> AuthenticateAsync(string identity, string password)
    {
        var key = keys.FirstOrDefault(k => string.Equals(k.Name, identity, StringComparison.Ordinal));
        if (key is null || !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(key.Key), Encoding.UTF8.GetBytes(password)))
        {
            throw new UnauthorizedAccessException("Unknown key name or wrong key.");
        }

        IPrincipal principal = new KeyPrincipal(key);
        return Task.FromResult(principal);
    }
}
