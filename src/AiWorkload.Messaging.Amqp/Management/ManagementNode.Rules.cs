using AiWorkload.Messaging.Amqp.Connections;
using AiWorkload.Messaging.Amqp.Errors;
using AiWorkload.Messaging.Amqp.Security;
using Microsoft.Azure.Amqp;
using Microsoft.Azure.Amqp.Encoding;

namespace AiWorkload.Messaging.Amqp.Management;

internal sealed partial class ManagementNode
{
    private async Task<AmqpMessage> AddRuleAsync(ManagementRequest request, string entity, ConnectionContext connection)
    {
        Demand(connection, entity, AccessRights.Manage);
        var (topic, subscription) = Subscription(entity);
        var name = request.String("rule-name");
        var description = request.Map("rule-description") ?? throw AmqpErrors.Argument("add-rule needs a 'rule-description' map.");
        await engine.AddRuleAsync(topic, subscription, RuleDescriptions.Read(name, description));
        return ManagementResponse.Done();
    }

    private async Task<AmqpMessage> RemoveRuleAsync(ManagementRequest request, string entity, ConnectionContext connection)
    {
        Demand(connection, entity, AccessRights.Manage);
        var (topic, subscription) = Subscription(entity);
        await engine.RemoveRuleAsync(topic, subscription, request.String("rule-name"));
        return ManagementResponse.Done();
    }

    private AmqpMessage EnumerateRules(ManagementRequest request, string entity, ConnectionContext connection)
    {
        Demand(connection, entity, AccessRights.Listen);
        var (topic, subscription) = Subscription(entity);
        var skip = Math.Max(0, request.Int("skip", 0));
        var top = Math.Max(0, request.Int("top", int.MaxValue));
        var rules = engine.GetRules(topic, subscription).Skip(skip).Take(top)
            .Select(rule => (object)new AmqpMap { [new MapKey("rule-description")] = RuleDescriptions.Write(rule) })
            .ToList();
        return rules.Count == 0 ? ManagementResponse.NoContent() : ManagementResponse.Ok("rules", rules);
    }

    private static (string Topic, string Subscription) Subscription(string entity)
    {
        var parts = entity.Split('/');
        if (parts.Length != 3 || !string.Equals(parts[1], "Subscriptions", StringComparison.OrdinalIgnoreCase))
        {
            throw AmqpErrors.Argument($"Rules belong to subscriptions ('<topic>/Subscriptions/<name>'), and '{entity}' is not one.");
        }

        return (parts[0], parts[2]);
    }
}
