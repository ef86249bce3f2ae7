using System.Xml;
using System.Xml.Linq;

namespace AiWorkload.Messaging.Administration.Feeds;

/// <summary>Entries and feeds shaped as the service sends them: the SDK reads the title as the name and the description under content.</summary>
internal static class AtomWriter
{
    public static XElement Entry(Uri self, string title, DateTimeOffset updated, XElement description)
    {
        description.Add(new XAttribute(XNamespace.Xmlns + "i", AtomNames.Instance));
        return new XElement(AtomNames.Atom + "entry",
            new XElement(AtomNames.Atom + "id", self.AbsoluteUri),
            new XElement(AtomNames.Atom + "title", new XAttribute("type", "text"), title),
            new XElement(AtomNames.Atom + "published", XmlConvert.ToString(updated)),
            new XElement(AtomNames.Atom + "updated", XmlConvert.ToString(updated)),
            new XElement(AtomNames.Atom + "link", new XAttribute("rel", "self"), new XAttribute("href", self.AbsoluteUri)),
            new XElement(AtomNames.Atom + "content", new XAttribute("type", "application/xml"), description));
    }

    public static XElement Feed(Uri self, string title, DateTimeOffset updated, IEnumerable<XElement> entries) =>
        new(AtomNames.Atom + "feed",
            new XElement(AtomNames.Atom + "title", new XAttribute("type", "text"), title),
            new XElement(AtomNames.Atom + "id", self.AbsoluteUri),
            new XElement(AtomNames.Atom + "updated", XmlConvert.ToString(updated)),
            new XElement(AtomNames.Atom + "link", new XAttribute("rel", "self"), new XAttribute("href", self.AbsoluteUri)),
            entries);

    public static string ToText(XElement element) =>
        new XDocument(new XDeclaration("1.0", "utf-8", null), element).Declaration + element.ToString(SaveOptions.DisableFormatting);
}
