using AiWorkload.ServiceBus.Testing;
using Azure.Messaging.ServiceBus.Administration;

namespace AiWorkload.Messaging.Administration.Tests;

public sealed class TopicTests
{
    [Fact]
    public async Task Topics_subscriptions_and_rules_have_every_call()
    {
        await using var host = await LocalHost.StartAsync();
        var admin = host.Admin();

        TopicProperties topic = await admin.CreateTopicAsync(new CreateTopicOptions("admin-events")
        {
            DefaultMessageTimeToLive = TimeSpan.FromDays(1),
            RequiresDuplicateDetection = true,
            DuplicateDetectionHistoryTimeWindow = TimeSpan.FromMinutes(1),
            SupportOrdering = true,
        });
        Assert.Equal(TimeSpan.FromDays(1), topic.DefaultMessageTimeToLive);
        Assert.True((await admin.TopicExistsAsync("admin-events")).Value);
        topic.SupportOrdering = false;
        topic.DefaultMessageTimeToLive = TimeSpan.FromHours(5);
        Assert.Equal(TimeSpan.FromHours(5), (await admin.UpdateTopicAsync(topic)).Value.DefaultMessageTimeToLive);
        Assert.False((await admin.GetTopicAsync("admin-events")).Value.SupportOrdering);
        var topics = new List<string>();
        await foreach (var t in admin.GetTopicsAsync())
        {
            topics.Add(t.Name);
        }

        Assert.Contains("admin-events", topics);

        var subscription = await admin.CreateSubscriptionAsync(
            new CreateSubscriptionOptions("admin-events", "big") { LockDuration = TimeSpan.FromSeconds(30), MaxDeliveryCount = 4, DeadLetteringOnMessageExpiration = true, EnableDeadLetteringOnFilterEvaluationExceptions = false },
            new CreateRuleOptions("big-only", new SqlRuleFilter("size > 10")) { Action = new SqlRuleAction("SET sys.Label = 'big'") });
        Assert.Equal(4, subscription.Value.MaxDeliveryCount);
        Assert.False(subscription.Value.EnableDeadLetteringOnFilterEvaluationExceptions);
        Assert.True((await admin.SubscriptionExistsAsync("admin-events", "big")).Value);
        Assert.False((await admin.SubscriptionExistsAsync("admin-events", "small")).Value);

        var rule = (await admin.GetRuleAsync("admin-events", "big", "big-only")).Value;
        Assert.Equal("size > 10", ((SqlRuleFilter)rule.Filter).SqlExpression);
        Assert.Equal("SET sys.Label = 'big'", ((SqlRuleAction)rule.Action).SqlExpression);

        var correlation = new CorrelationRuleFilter { CorrelationId = "c1", Subject = "s1", ContentType = "application/json" };
        correlation.ApplicationProperties["region"] = "eu";
        correlation.ApplicationProperties["tier"] = 3L;
        correlation.ApplicationProperties["vip"] = true;
        await admin.CreateRuleAsync("admin-events", "big", new CreateRuleOptions("by-correlation", correlation));
        await admin.CreateRuleAsync("admin-events", "big", new CreateRuleOptions("nothing", new FalseRuleFilter()));
        await admin.CreateRuleAsync("admin-events", "big", new CreateRuleOptions("everything", new TrueRuleFilter()));
        var rules = new List<RuleProperties>();
        await foreach (var r in admin.GetRulesAsync("admin-events", "big"))
        {
            rules.Add(r);
        }

        Assert.Equal(["big-only", "by-correlation", "nothing", "everything"], rules.Select(r => r.Name));
        var read = (CorrelationRuleFilter)rules[1].Filter;
        Assert.Equal("c1", read.CorrelationId);
        Assert.Equal("s1", read.Subject);
        Assert.Equal("eu", read.ApplicationProperties["region"]);
        Assert.Equal(3L, read.ApplicationProperties["tier"]);
        Assert.Equal(true, read.ApplicationProperties["vip"]);
        Assert.IsType<FalseRuleFilter>(rules[2].Filter);
        Assert.IsType<TrueRuleFilter>(rules[3].Filter);
        Assert.True((await admin.RuleExistsAsync("admin-events", "big", "nothing")).Value);

        var changed = rules[0];
        changed.Filter = new SqlRuleFilter("size > 100");
        changed.Action = null;
        await admin.UpdateRuleAsync("admin-events", "big", changed);
        var afterUpdate = (await admin.GetRuleAsync("admin-events", "big", "big-only")).Value;
        Assert.Equal("size > 100", ((SqlRuleFilter)afterUpdate.Filter).SqlExpression);
        Assert.Null(afterUpdate.Action);

        await admin.DeleteRuleAsync("admin-events", "big", "nothing");
        Assert.False((await admin.RuleExistsAsync("admin-events", "big", "nothing")).Value);

        var properties = (await admin.GetSubscriptionAsync("admin-events", "big")).Value;
        properties.MaxDeliveryCount = 9;
        properties.DefaultMessageTimeToLive = TimeSpan.FromMinutes(30);
        await admin.UpdateSubscriptionAsync(properties);
        Assert.Equal(9, (await admin.GetSubscriptionAsync("admin-events", "big")).Value.MaxDeliveryCount);
        Assert.Equal(3, (await admin.GetRulesAsync("admin-events", "big").ToListAsync()).Count);

        await admin.CreateSubscriptionAsync("admin-events", "all");
        var subscriptions = await admin.GetSubscriptionsAsync("admin-events").ToListAsync();
        Assert.Equal(["all", "big"], subscriptions.Select(s => s.SubscriptionName).Order());
        Assert.Equal("$Default", (await admin.GetRulesAsync("admin-events", "all").ToListAsync()).Single().Name);

        SubscriptionRuntimeProperties subRuntime = await admin.GetSubscriptionRuntimePropertiesAsync("admin-events", "all");
        Assert.Equal(0, subRuntime.TotalMessageCount);
        Assert.Equal(2, (await admin.GetSubscriptionsRuntimePropertiesAsync("admin-events").ToListAsync()).Count);
        TopicRuntimeProperties topicRuntime = await admin.GetTopicRuntimePropertiesAsync("admin-events");
        Assert.Equal(2, topicRuntime.SubscriptionCount);
        Assert.Contains(await admin.GetTopicsRuntimePropertiesAsync().ToListAsync(), t => t.Name == "admin-events");

        await admin.DeleteSubscriptionAsync("admin-events", "big");
        Assert.False((await admin.SubscriptionExistsAsync("admin-events", "big")).Value);
        await admin.DeleteTopicAsync("admin-events");
        Assert.False((await admin.TopicExistsAsync("admin-events")).Value);
    }

    [Fact]
    public async Task Forwarding_targets_round_trip_as_the_sdk_sends_them()
    {
        await using var host = await LocalHost.StartAsync();
        var admin = host.Admin();
        await admin.CreateQueueAsync("fwd-target");
        var source = (await admin.CreateQueueAsync(new CreateQueueOptions("fwd-source") { ForwardTo = "fwd-target", ForwardDeadLetteredMessagesTo = "fwd-target" })).Value;
        Assert.EndsWith("/fwd-target", source.ForwardTo, StringComparison.Ordinal);
        source.MaxDeliveryCount = 2;
        await admin.UpdateQueueAsync(source);
        Assert.EndsWith("/fwd-target", (await admin.GetQueueAsync("fwd-source")).Value.ForwardDeadLetteredMessagesTo, StringComparison.Ordinal);
    }
}
