using System.Xml.Linq;
using AiWorkload.Messaging.Administration.Entities;
using AiWorkload.Messaging.Administration.Feeds;

namespace AiWorkload.Messaging.Administration.Runtime;

/// <summary>GetNamespacePropertiesAsync: a Standard messaging namespace named after the host it is reached by.</summary>
internal static class NamespaceInfoXml
{
    public static XElement Write(string name, DateTimeOffset createdAt, DateTimeOffset modifiedAt) =>
        new(AtomNames.Sb("NamespaceInfo"),
            new XElement(AtomNames.Sb("CreatedTime"), XmlValues.Text(createdAt)),
            new XElement(AtomNames.Sb("MessagingSKU"), "Standard"),
            new XElement(AtomNames.Sb("MessagingUnits"), "0"),
            new XElement(AtomNames.Sb("ModifiedTime"), XmlValues.Text(modifiedAt)),
            new XElement(AtomNames.Sb("Name"), name),
            new XElement(AtomNames.Sb("NamespaceType"), "Messaging"));
}
