using System.Globalization;
using System.Net;
using System.Xml.Linq;

namespace AiWorkload.Messaging.Administration.Errors;

/// <summary>
/// The service's error body, <c>&lt;Error&gt;&lt;Code/&gt;&lt;Detail/&gt;&lt;/Error&gt;</c> without a namespace: the SDK reads
/// Detail as the exception message and a "SubCode=n." in it as the error code.
/// </summary>
internal static class ErrorBody
{
    public static string For(HttpStatusCode status, string detail, DateTimeOffset now) =>
        new XElement("Error",
            new XElement("Code", ((int)status).ToString(CultureInfo.InvariantCulture)),
            new XElement("Detail", string.Create(CultureInfo.InvariantCulture, $"{detail} SubCode={(int)status}00. TrackingId:{Guid.NewGuid()}, Timestamp:{now:O}"))).ToString(SaveOptions.DisableFormatting);
}
