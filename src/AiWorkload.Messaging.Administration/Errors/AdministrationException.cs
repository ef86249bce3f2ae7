using System.Net;

namespace AiWorkload.Messaging.Administration.Errors;

/// <summary>A request the administration API answers with an error status and the service's error body.</summary>
public sealed class AdministrationException : Exception
{
    public AdministrationException()
    {
    }

    public AdministrationException(string message)
        : base(message)
    {
    }

    public AdministrationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public AdministrationException(HttpStatusCode status, string message)
        : base(message) => Status = status;

    public HttpStatusCode Status { get; } = HttpStatusCode.BadRequest;

    public static AdministrationException BadRequest(string message) => new(HttpStatusCode.BadRequest, message);

    public static AdministrationException NotFound(string path) =>
        new(HttpStatusCode.NotFound, $"The messaging entity '{path}' could not be found.");

    public static AdministrationException TooLarge(int limit) =>
        new(HttpStatusCode.RequestEntityTooLarge, $"The request body is larger than {limit} bytes.");

    /// <summary>A setting the engine does not implement: refused by name rather than silently ignored.</summary>
    public static AdministrationException Unsupported(string description, string property, string why) =>
        BadRequest($"{description} property '{property}' is not supported by the local Service Bus: {why}.");
}
