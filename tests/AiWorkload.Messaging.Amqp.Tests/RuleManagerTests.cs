using Azure.Messaging.ServiceBus;
using Azure.Messaging.ServiceBus.Administration;

namespace AiWorkload.Messaging.Amqp.Tests;

public sealed class RuleManagerTests
{
    [Fact]
    public async Task A_subscription_starts_with_the_default_true_rule()
    {
        await using var bus = await LocalServiceBus.StartAsync();
        var client = bus.Client();
        await using var rules = client.CreateRuleManager("events", "all");

        var all = await ToListAsync(rules.GetRulesAsync());

        var rule = Assert.Single(all);
        Assert.Equal(RuleProperties.DefaultRuleName, rule.Name);
        Assert.IsType<TrueRuleFilter>(rule.Filter);
    }

    [Fact]
    public async Task The_configured_sql_rule_is_enumerated_with_its_expression()
    {
        await using var bus = await LocalServiceBus.StartAsync();
        var client = bus.Client();
        await using var rules = client.CreateRuleManager("events", "training");

        var rule = Assert.Single(await ToListAsync(rules.GetRulesAsync()));

        Assert.Equal("training", rule.Name);
        Assert.Equal("user.trigger = 'model_training'", Assert.IsType<SqlRuleFilter>(rule.Filter).SqlExpression);
    }

    [Fact]
    public async Task A_sql_rule_with_an_action_is_created_and_enumerated_back()
    {
        await using var bus = await LocalServiceBus.StartAsync();
        var client = bus.Client();
        await using var rules = client.CreateRuleManager("events", "all");

        await rules.CreateRuleAsync(new CreateRuleOptions("high", new SqlRuleFilter("priority > 5")) { Action = new SqlRuleAction("SET user.routed = 'high'") });
        var all = await ToListAsync(rules.GetRulesAsync());

        var rule = Assert.Single(all, r => r.Name == "high");
        Assert.Equal("priority > 5", Assert.IsType<SqlRuleFilter>(rule.Filter).SqlExpression);
        Assert.Equal("SET user.routed = 'high'", Assert.IsType<SqlRuleAction>(rule.Action).SqlExpression);
        Assert.Equal(2, all.Count);
    }

    [Fact]
    public async Task A_correlation_rule_is_created_and_enumerated_back_with_every_field()
    {
        await using var bus = await LocalServiceBus.StartAsync();
        var client = bus.Client();
        await using var rules = client.CreateRuleManager("events", "all");
        var filter = new CorrelationRuleFilter
        {
            CorrelationId = "corr",
            MessageId = "msg",
            To = "to",
            ReplyTo = "reply",
            Subject = "subject",
            SessionId = "session",
            ReplyToSessionId = "reply-session",
            ContentType = "application/json",
            ApplicationProperties = { ["kind"] = "model", ["version"] = 3 },
        };

        await rules.CreateRuleAsync("correlated", filter);
        var rule = Assert.Single(await ToListAsync(rules.GetRulesAsync()), r => r.Name == "correlated");

        var back = Assert.IsType<CorrelationRuleFilter>(rule.Filter);
        Assert.Equal("corr", back.CorrelationId);
        Assert.Equal("msg", back.MessageId);
        Assert.Equal("to", back.To);
        Assert.Equal("reply", back.ReplyTo);
        Assert.Equal("subject", back.Subject);
        Assert.Equal("session", back.SessionId);
        Assert.Equal("reply-session", back.ReplyToSessionId);
        Assert.Equal("application/json", back.ContentType);
        Assert.Equal("model", back.ApplicationProperties["kind"]);
        Assert.Equal(3, back.ApplicationProperties["version"]);
    }

    [Fact]
    public async Task A_deleted_rule_is_no_longer_enumerated()
    {
        await using var bus = await LocalServiceBus.StartAsync();
        var client = bus.Client();
        await using var rules = client.CreateRuleManager("events", "all");
        await rules.CreateRuleAsync("temporary", new SqlRuleFilter("1=1"));

        await rules.DeleteRuleAsync("temporary");
        await rules.DeleteRuleAsync(RuleProperties.DefaultRuleName);

        Assert.Empty(await ToListAsync(rules.GetRulesAsync()));
    }

    [Fact]
    public async Task Deleting_an_unknown_rule_is_entity_not_found()
    {
        await using var bus = await LocalServiceBus.StartAsync();
        var client = bus.Client();
        await using var rules = client.CreateRuleManager("events", "all");

        var error = await Assert.ThrowsAsync<ServiceBusException>(() => rules.DeleteRuleAsync("missing"));

        Assert.Equal(ServiceBusFailureReason.MessagingEntityNotFound, error.Reason);
    }

    [Fact]
    public async Task Creating_a_rule_with_an_existing_name_is_entity_already_exists()
    {
        await using var bus = await LocalServiceBus.StartAsync();
        var client = bus.Client();
        await using var rules = client.CreateRuleManager("events", "all");
        await rules.CreateRuleAsync("twice", new SqlRuleFilter("1=1"));

        var error = await Assert.ThrowsAsync<ServiceBusException>(() => rules.CreateRuleAsync("twice", new SqlRuleFilter("1=1")));

        Assert.Equal(ServiceBusFailureReason.MessagingEntityAlreadyExists, error.Reason);
    }

    [Fact]
    public async Task A_publish_reaches_the_subscription_only_when_a_correlation_rule_matches()
    {
        await using var bus = await LocalServiceBus.StartAsync();
        var client = bus.Client();
        await using var rules = client.CreateRuleManager("events", "all");
        await rules.DeleteRuleAsync(RuleProperties.DefaultRuleName);
        await rules.CreateRuleAsync("models", new CorrelationRuleFilter { Subject = "model", ApplicationProperties = { ["kind"] = "promoted" } });

        await using var sender = client.CreateSender("events");
        await sender.SendMessagesAsync(
        [
            new ServiceBusMessage("wrong subject") { Subject = "dataset", ApplicationProperties = { ["kind"] = "promoted" } },
            new ServiceBusMessage("match") { Subject = "model", ApplicationProperties = { ["kind"] = "promoted" } },
            new ServiceBusMessage("wrong kind") { Subject = "model", ApplicationProperties = { ["kind"] = "draft" } },
        ]);

        await using var receiver = client.CreateReceiver("events", "all");
        var received = await receiver.PeekMessagesAsync(10);

        Assert.Equal(["match"], received.Select(m => m.Body.ToString()));
    }

    [Fact]
    public async Task A_sql_rule_action_modifies_the_matching_message()
    {
        await using var bus = await LocalServiceBus.StartAsync();
        var client = bus.Client();
        await using var rules = client.CreateRuleManager("events", "all");
        await rules.DeleteRuleAsync(RuleProperties.DefaultRuleName);
        await rules.CreateRuleAsync(new CreateRuleOptions("urgent", new SqlRuleFilter("priority > 5")) { Action = new SqlRuleAction("SET user.routed = 'urgent'") });

        await using var sender = client.CreateSender("events");
        await sender.SendMessagesAsync(
        [
            new ServiceBusMessage("low") { ApplicationProperties = { ["priority"] = 1 } },
            new ServiceBusMessage("high") { ApplicationProperties = { ["priority"] = 9 } },
        ]);

        await using var receiver = client.CreateReceiver("events", "all");
        var received = await receiver.PeekMessagesAsync(10);

        var message = Assert.Single(received);
        Assert.Equal("high", message.Body.ToString());
        Assert.Equal("urgent", message.ApplicationProperties["routed"]);
    }

    private static async Task<List<RuleProperties>> ToListAsync(IAsyncEnumerable<RuleProperties> rules)
    {
        var list = new List<RuleProperties>();
        await foreach (var rule in rules)
        {
            list.Add(rule);
        }

        return list;
    }
}
