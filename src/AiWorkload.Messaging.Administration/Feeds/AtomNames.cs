using System.Xml.Linq;

namespace AiWorkload.Messaging.Administration.Feeds;

/// <summary>The XML namespaces of the service's ATOM dialect, as the SDK's AdministrationClientConstants names them.</summary>
internal static class AtomNames
{
    public static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    public static readonly XNamespace ServiceBus = "http://schemas.microsoft.com/netservices/2010/10/servicebus/connect";
    public static readonly XNamespace Instance = "http://www.w3.org/2001/XMLSchema-instance";
    public static readonly XNamespace Schema = "http://www.w3.org/2001/XMLSchema";
    public static readonly XNamespace Counts = "http://schemas.microsoft.com/netservices/2011/06/servicebus";

    public const string EntryContentType = "application/atom+xml;type=entry;charset=utf-8";
    public const string FeedContentType = "application/atom+xml;type=feed;charset=utf-8";

    public static XName Sb(string localName) => ServiceBus + localName;
}
