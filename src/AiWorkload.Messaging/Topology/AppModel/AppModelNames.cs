using System.Text;

namespace AiWorkload.Messaging.Topology.AppModel;

/// <summary>
/// Aspire resource names for Service Bus entities. Aspire names allow ASCII letters, digits and single hyphens, start
/// with a letter, do not end with a hyphen, are at most 64 characters long, and are unique in the whole application
/// (projects included), while entity names may hold '.', '_' and '/' and subscription names repeat across topics.
/// </summary>
public static class AppModelNames
{
    public const int MaxLength = 64;

    public static string Queue(string queueName) => ToResourceName(queueName);

    public static string Topic(string topicName) => ToResourceName(topicName);

    /// <summary>Prefixed with the topic: a subscription named like a project ("orchestrator") must not clash with it.</summary>
    public static string Subscription(string topicName, string subscriptionName) => ToResourceName($"{topicName}-{subscriptionName}");

    public static string ToResourceName(string entityName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(entityName);
        var name = new StringBuilder(entityName.Length + 3);
        foreach (var c in entityName)
        {
            var keep = char.IsAsciiLetterOrDigit(c);
            if (keep || (name.Length > 0 && name[^1] != '-'))
            {
                name.Append(keep ? c : '-');
            }
        }

        if (name.Length == 0 || !char.IsAsciiLetter(name[0]))
        {
            name.Insert(0, "sb-");
        }

        var text = name.ToString();
        text = text.Length > MaxLength ? text[..MaxLength] : text;
        return text.TrimEnd('-');
    }
}
