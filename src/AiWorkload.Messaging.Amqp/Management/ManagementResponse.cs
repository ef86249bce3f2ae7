using AiWorkload.Messaging.Amqp.Errors;
using Microsoft.Azure.Amqp;
using Microsoft.Azure.Amqp.Encoding;
using Microsoft.Azure.Amqp.Framing;

namespace AiWorkload.Messaging.Amqp.Management;

/// <summary>Management responses: a status code and description, an error condition as a symbol, and a map body.</summary>
internal static class ManagementResponse
{
    public static AmqpMessage Ok(AmqpMap? body = null) => Create(body is null ? 204 : 200, body is null ? "No Content" : "OK", body, null);

    public static AmqpMessage Ok(string key, object? value) => Ok(new AmqpMap { [new MapKey(key)] = value });

    /// <summary>200 with an empty body: what the service answers to an operation that returns nothing.</summary>
    public static AmqpMessage Done() => Create(200, "OK", [], null);

    public static AmqpMessage NoContent() => Create(204, "No Content", null, null);

    public static AmqpMessage Error(Exception exception)
    {
        var error = AmqpErrors.From(exception);
        return Create(AmqpErrors.StatusCode(error.Condition), error.Description, null, error.Condition);
    }

    private static AmqpMessage Create(int statusCode, string description, AmqpMap? body, AmqpSymbol? condition)
    {
        var response = body is null ? AmqpMessage.Create() : AmqpMessage.Create(new AmqpValue { Value = body });
        response.ApplicationProperties = new ApplicationProperties();
        response.ApplicationProperties.Map["statusCode"] = statusCode;
        response.ApplicationProperties.Map["statusDescription"] = description;
        if (condition is { } symbol)
        {
            response.ApplicationProperties.Map["errorCondition"] = symbol;
        }

        return response;
    }
}
