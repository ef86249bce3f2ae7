using System.Net;
using AiWorkload.Messaging.Administration.Errors;
using AiWorkload.Messaging.Amqp.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Extensions;

namespace AiWorkload.Messaging.Administration.Security;

/// <summary>
/// Every request carries a shared access signature for its own URL (the SDK signs the request's address) made with a key
/// of the host that has Manage rights, checked by the same validator as the AMQP face's $cbs tokens.
/// </summary>
internal sealed class SasAuthorizer(SasTokenValidator validator)
{
    public void Authorize(HttpRequest request)
    {
        var token = request.Headers.Authorization.ToString();
        if (token.Length == 0)
        {
            throw new AdministrationException(HttpStatusCode.Unauthorized, "MissingToken: the request has no Authorization header with a SharedAccessSignature.");
        }

        try
        {
            var grant = validator.Validate(token, request.GetEncodedUrl());
            if ((grant.Rights & AccessRights.Manage) != AccessRights.Manage)
            {
                throw new AdministrationException(HttpStatusCode.Unauthorized, "Unauthorized: Manage claim(s) are required for this operation.");
            }
        }
        catch (TokenValidationException error)
        {
            throw new AdministrationException(HttpStatusCode.Unauthorized, $"InvalidSignature: {error.Message}");
        }
    }
}
