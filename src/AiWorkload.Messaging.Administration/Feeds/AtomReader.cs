using System.Text;
using System.Xml;
using System.Xml.Linq;
using AiWorkload.Messaging.Administration.Errors;

namespace AiWorkload.Messaging.Administration.Feeds;

/// <summary>Reads a request entry safely: a capped body, no DTDs or external entities, and exactly one description under content.</summary>
internal static class AtomReader
{
    /// <summary>The largest entry the service's own descriptions need, with room for long SQL filters.</summary>
    public const int MaxBodyBytes = 256 * 1024;

    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersInDocument = MaxBodyBytes,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
    };

    public static async Task<XElement> ReadDescriptionAsync(Stream body, long? contentLength, CancellationToken cancellationToken)
    {
        if (contentLength > MaxBodyBytes)
        {
            throw AdministrationException.TooLarge(MaxBodyBytes);
        }

        var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                throw AdministrationException.TooLarge(MaxBodyBytes);
            }

            buffer.Write(chunk, 0, read);
        }

        if (buffer.Length == 0)
        {
            throw AdministrationException.BadRequest("The request has no body: an ATOM entry with a description is required.");
        }

        XElement root;
        try
        {
            using var reader = XmlReader.Create(new StringReader(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length)), Settings);
            root = XElement.Load(reader);
        }
        catch (XmlException error)
        {
            throw AdministrationException.BadRequest($"The request body is not well-formed XML: {error.Message}");
        }

        if (root.Name != AtomNames.Atom + "entry")
        {
            throw AdministrationException.BadRequest($"The request body must be an ATOM entry ({{{AtomNames.Atom}}}entry), not '{root.Name}'.");
        }

        var content = root.Element(AtomNames.Atom + "content")
            ?? throw AdministrationException.BadRequest("The entry has no content element.");
        var descriptions = content.Elements().ToList();
        return descriptions.Count == 1 && descriptions[0].Name.Namespace == AtomNames.ServiceBus
            ? descriptions[0]
            : throw AdministrationException.BadRequest($"The entry's content must hold exactly one description in namespace {AtomNames.ServiceBus}.");
    }
}
