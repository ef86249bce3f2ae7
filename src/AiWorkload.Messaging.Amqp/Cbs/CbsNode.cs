using AiWorkload.Messaging.Amqp.Connections;
using AiWorkload.Messaging.Amqp.Errors;
using AiWorkload.Messaging.Amqp.Links;
using AiWorkload.Messaging.Amqp.Security;
using Microsoft.Azure.Amqp;
using Microsoft.Azure.Amqp.Framing;

namespace AiWorkload.Messaging.Amqp.Cbs;

/// <summary>
/// <c>$cbs</c>: clients put a SAS token for an audience before they attach links to it. A token that checks out becomes a
/// grant on the connection; one that does not is answered 401 with the reason, and grants nothing.
/// </summary>
internal sealed class CbsNode(SasTokenValidator validator, ILogger<CbsNode> logger) : RequestResponseNode(logger)
{
    private const string PutToken = "put-token";
    private const string SasTokenType = "servicebus.windows.net:sastoken";

    protected override Task<AmqpMessage> HandleAsync(AmqpMessage request, NodeAddress address, ConnectionContext connection)
    {
        var properties = request.ApplicationProperties?.Map;
        var operation = properties?["operation"] as string;
        if (!string.Equals(operation, PutToken, StringComparison.Ordinal))
        {
            return Task.FromResult(Response(400, $"$cbs supports only '{PutToken}', not '{operation}'."));
        }

        var type = properties!["type"] as string;
        var audience = properties["name"] as string;
        if (audience is null)
        {
            return Task.FromResult(Response(400, "A put-token request needs the audience in its 'name' property."));
        }

        if (!string.Equals(type, SasTokenType, StringComparison.Ordinal))
        {
            return Task.FromResult(Response(401, $"Only shared access signatures ('{SasTokenType}') are accepted here, not '{type}'."));
        }

        if (request.ValueBody?.Value is not string token)
        {
            return Task.FromResult(Response(400, "A put-token request carries the token as a string value body."));
        }

        try
        {
            connection.Grant(validator.Validate(token, audience));
            return Task.FromResult(Response(202, "Accepted"));
        }
        catch (TokenValidationException refused)
        {
            return Task.FromResult(Response(401, refused.Message));
        }
    }

    protected override AmqpMessage ErrorResponse(Exception exception)
    {
        var error = AmqpErrors.From(exception);
        return Response(AmqpErrors.StatusCode(error.Condition), error.Description);
    }

    private static AmqpMessage Response(int statusCode, string description)
    {
        var response = AmqpMessage.Create();
        response.ApplicationProperties = new ApplicationProperties();
        response.ApplicationProperties.Map["status-code"] = statusCode;
        response.ApplicationProperties.Map["status-description"] = description;
        return response;
    }
}
