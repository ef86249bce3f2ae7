using System.Net;

namespace AiWorkload.Messaging.Administration.Errors;

/// <summary>The engine's failures as the service's HTTP statuses, which the SDK turns back into the same exceptions.</summary>
internal static class ErrorMapping
{
    public static HttpStatusCode StatusOf(MessagingException error) => error.Reason switch
    {
        MessagingErrorReason.MessagingEntityNotFound => HttpStatusCode.NotFound,
        MessagingErrorReason.MessagingEntityAlreadyExists => HttpStatusCode.Conflict,
        MessagingErrorReason.InvalidOperation or MessagingErrorReason.InvalidMessage => HttpStatusCode.BadRequest,
        MessagingErrorReason.QuotaExceeded => HttpStatusCode.Forbidden,
        MessagingErrorReason.ServiceBusy or MessagingErrorReason.EngineClosed => HttpStatusCode.ServiceUnavailable,
        _ => HttpStatusCode.InternalServerError,
    };
}
