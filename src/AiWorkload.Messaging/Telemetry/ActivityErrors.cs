using System.Diagnostics;

namespace AiWorkload.Messaging.Telemetry;

internal static class ActivityErrors
{
    /// <summary>Marks the span failed the way OpenTelemetry expects: status, error.type and an exception event.</summary>
    public static void RecordError(this Activity? activity, Exception error)
    {
        if (activity is null)
        {
            return;
        }

        activity.SetStatus(ActivityStatusCode.Error, error.Message);
        activity.SetTag(MessagingAttributes.ErrorType, error.GetType().FullName);
        activity.AddException(error);
    }
}
