using System.Xml.Linq;
using AiWorkload.Messaging.Administration.Entities;
using AiWorkload.Messaging.Administration.Feeds;
using AiWorkload.Messaging.Embedded;

namespace AiWorkload.Messaging.Administration.Runtime;

/// <summary>
/// CountDetails as the service writes it, in its 2011/06 namespace. Auto-forwarding happens inside the send, so nothing
/// ever waits in transfer: TransferMessageCount is always 0.
/// </summary>
internal static class CountDetailsXml
{
    public static XElement Write(EntityRuntimeProperties counts) => Write(counts.ActiveMessageCount, counts.DeadLetterMessageCount, counts.ScheduledMessageCount, counts.TransferDeadLetterMessageCount);

    public static XElement Write(long active, long deadLetter, long scheduled, long transferDeadLetter) =>
        new(AtomNames.Sb("CountDetails"),
            new XAttribute(XNamespace.Xmlns + "d2p1", AtomNames.Counts),
            new XElement(AtomNames.Counts + "ActiveMessageCount", XmlValues.Text(active)),
            new XElement(AtomNames.Counts + "DeadLetterMessageCount", XmlValues.Text(deadLetter)),
            new XElement(AtomNames.Counts + "ScheduledMessageCount", XmlValues.Text(scheduled)),
            new XElement(AtomNames.Counts + "TransferMessageCount", XmlValues.Text(0)),
            new XElement(AtomNames.Counts + "TransferDeadLetterMessageCount", XmlValues.Text(transferDeadLetter)));
}
