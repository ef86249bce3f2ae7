using AiWorkload.Messaging.Embedded.Entities;
using AiWorkload.Messaging.Embedded.Messages;
using AiWorkload.Messaging.Topology;

namespace AiWorkload.Messaging.Embedded.Tests;

public sealed class TopicTests
{
    private static TopologyModel Topology(params SubscriptionDefinition[] subscriptions) =>
        new([], [new TopicDefinition("events") { Subscriptions = subscriptions }]);

    private static OutgoingMessage Event(string text, string trigger)
    {
        var message = TestEngine.Message(text);
        message.ApplicationProperties["trigger"] = trigger;
        return message;
    }

    private static string Sub(string name) => EntityPaths.Subscription("events", name);

    [Fact]
    public async Task A_new_subscription_gets_a_Default_true_rule_and_every_subscription_gets_a_copy()
    {
        await using var bus = await TestEngine.OpenAsync(Topology(new SubscriptionDefinition("a"), new SubscriptionDefinition("b")));
        await bus.SendAsync("events", TestEngine.Message("hello"));

        Assert.Equal("$Default", Assert.Single(bus.GetRules("events", "a")).Name);
        Assert.Equal("hello", (await bus.ReceiveOneAsync(Sub("a"))).Text());
        Assert.Equal("hello", (await bus.ReceiveOneAsync(Sub("b"))).Text());
    }

    [Fact]
    public async Task A_SQL_rule_routes_only_matching_messages()
    {
        await using var bus = await TestEngine.OpenAsync(Topology(
            new SubscriptionDefinition("training") { Rules = [RuleDefinition.Sql("train", "user.trigger = 'model_training'")] },
            new SubscriptionDefinition("all")));

        await bus.SendAsync("events", [Event("train me", "model_training"), Event("ignore me", "data_ingested"), TestEngine.Message("no trigger")]);

        Assert.Equal(["train me"], (await bus.ReceiveAsync(Sub("training"), 10, TimeSpan.Zero)).Select(m => m.Text()));
        Assert.Equal(3, (await bus.ReceiveAsync(Sub("all"), 10, TimeSpan.Zero)).Count);
    }

    [Fact]
    public async Task Matching_rules_without_actions_produce_one_copy_and_each_rule_with_an_action_its_own()
    {
        await using var bus = await TestEngine.OpenAsync(Topology(new SubscriptionDefinition("s")
        {
            Rules =
            [
                RuleDefinition.Sql("plain1", "trigger = 'drift'"),
                RuleDefinition.Sql("plain2", "trigger LIKE 'dr%'"),
                RuleDefinition.Sql("tagged1", "trigger = 'drift'", "SET user.route = 'urgent'"),
                RuleDefinition.Sql("tagged2", "EXISTS(trigger)", "SET sys.Label = 'audited'; REMOVE trigger"),
                RuleDefinition.Sql("miss", "trigger = 'other'", "SET user.route = 'never'"),
            ],
        }));

        await bus.SendAsync("events", Event("x", "drift"));
        var copies = await bus.ReceiveAsync(Sub("s"), 10, TimeSpan.Zero);

        Assert.Equal(3, copies.Count);
        Assert.Single(copies, c => !c.ApplicationProperties.ContainsKey("route") && c.Subject is null && c.ApplicationProperties.ContainsKey("trigger"));
        Assert.Single(copies, c => Equals(c.ApplicationProperties.GetValueOrDefault("route"), "urgent"));
        Assert.Single(copies, c => c.Subject == "audited" && !c.ApplicationProperties.ContainsKey("trigger"));
        Assert.Equal(copies.Count, copies.Select(c => c.SequenceNumber).Distinct().Count());
    }

    [Fact]
    public async Task A_correlation_filter_matches_exactly_on_system_and_user_properties()
    {
        await using var bus = await TestEngine.OpenAsync(Topology(new SubscriptionDefinition("s")
        {
            Rules = [new RuleDefinition("corr", new CorrelationFilterDefinition { Subject = "ModelPromoted", ApplicationProperties = new Dictionary<string, object?> { ["modelId"] = "churn" } })],
        }));
        var match = Event("yes", "x");
        match.Subject = "ModelPromoted";
        match.ApplicationProperties["modelId"] = "churn";
        var wrongCase = Event("no", "x");
        wrongCase.Subject = "modelpromoted";
        wrongCase.ApplicationProperties["modelId"] = "churn";

        await bus.SendAsync("events", [match, wrongCase]);

        Assert.Equal("yes", Assert.Single(await bus.ReceiveAsync(Sub("s"), 10, TimeSpan.Zero)).Text());
    }

    [Fact]
    public async Task A_filter_evaluation_error_dead_letters_that_subscriptions_copy()
    {
        await using var bus = await TestEngine.OpenAsync(Topology(
            new SubscriptionDefinition("strict") { Rules = [RuleDefinition.Sql("numeric", "user.score > 0.5")] },
            new SubscriptionDefinition("lenient") { DeadLetteringOnFilterEvaluationExceptions = false, Rules = [RuleDefinition.Sql("numeric", "user.score > 0.5")] }));
        var message = TestEngine.Message("bad score");
        message.ApplicationProperties["score"] = "high";

        await bus.SendAsync("events", message);

        await bus.AssertEmptyAsync(Sub("strict"));
        var dead = await bus.ReceiveOneAsync(EntityPaths.DeadLetter(Sub("strict")));
        Assert.Equal(DeadLetterProperties.FilterEvaluationException, dead.DeadLetterReason);
        Assert.Contains("numeric", dead.DeadLetterErrorDescription, StringComparison.Ordinal);
        await bus.AssertEmptyAsync(Sub("lenient"));
        await bus.AssertEmptyAsync(EntityPaths.DeadLetter(Sub("lenient")));
    }

    [Fact]
    public async Task Rules_can_be_added_removed_and_listed_at_runtime()
    {
        await using var bus = await TestEngine.OpenAsync(Topology(new SubscriptionDefinition("s")));
        await bus.AddRuleAsync("events", "s", RuleDefinition.Sql("drift", "trigger = 'drift'"));
        await bus.RemoveRuleAsync("events", "s", "$Default");

        Assert.Equal(["drift"], bus.GetRules("events", "s").Select(r => r.Name));
        await bus.SendAsync("events", [Event("drift", "drift"), Event("other", "other")]);
        Assert.Equal("drift", Assert.Single(await bus.ReceiveAsync(Sub("s"), 10, TimeSpan.Zero)).Text());

        await bus.RemoveRuleAsync("events", "s", "drift");
        await bus.SendAsync("events", Event("drift", "drift"));
        await bus.AssertEmptyAsync(Sub("s"));
    }

    [Fact]
    public async Task A_malformed_SQL_rule_is_rejected_with_its_position()
    {
        var error = await Assert.ThrowsAsync<TopologyException>(() => TestEngine.OpenAsync(Topology(
            new SubscriptionDefinition("s") { Rules = [RuleDefinition.Sql("broken", "user.trigger = = 'x'")] })));
        Assert.Contains("rule 'broken' SqlFilter", error.Location, StringComparison.Ordinal);
        Assert.Contains("position", error.Message, StringComparison.Ordinal);

        await using var bus = await TestEngine.OpenAsync(Topology(new SubscriptionDefinition("s")));
        var runtime = await Assert.ThrowsAsync<MessagingException>(() => bus.AddRuleAsync("events", "s", RuleDefinition.Sql("bad", "trigger IN (")));
        Assert.Equal(EntityPaths.Subscription("events", "s"), runtime.EntityPath);
    }

    [Fact]
    public async Task A_session_enabled_subscription_needs_a_SessionId_on_messages_it_would_receive()
    {
        await using var bus = await TestEngine.OpenAsync(Topology(
            new SubscriptionDefinition("sessions") { RequiresSession = true, Rules = [RuleDefinition.Sql("drift", "trigger = 'drift'")] }));

        await bus.SendAsync("events", Event("not for the session subscription", "other"));
        var error = await Assert.ThrowsAsync<MessagingException>(() => bus.SendAsync("events", Event("x", "drift")));

        Assert.Equal(MessagingErrorReason.InvalidMessage, error.Reason);
        var withSession = Event("y", "drift");
        withSession.SessionId = "model-1";
        await bus.SendAsync("events", withSession);
        await using var session = await bus.AcceptSessionAsync(Sub("sessions"), null, TimeSpan.Zero);
        Assert.Equal("y", Assert.Single(await session!.ReceiveAsync(10, TimeSpan.Zero)).Text());
    }

    [Fact]
    public async Task Subscriptions_forward_to_queues_and_topics()
    {
        await using var bus = await TestEngine.OpenAsync(new TopologyModel(
            [new QueueDefinition("work")],
            [
                new TopicDefinition("events") { Subscriptions = [new SubscriptionDefinition("to-queue") { ForwardTo = "work" }, new SubscriptionDefinition("to-topic") { ForwardTo = "audit" }] },
                new TopicDefinition("audit") { Subscriptions = [new SubscriptionDefinition("log")] },
            ]));

        await bus.SendAsync("events", TestEngine.Message("x"));

        Assert.Equal("x", (await bus.ReceiveOneAsync("work")).Text());
        Assert.Equal("x", (await bus.ReceiveOneAsync(EntityPaths.Subscription("audit", "log"))).Text());
        await bus.AssertEmptyAsync(Sub("to-queue"));
    }

    [Fact]
    public async Task Topic_duplicate_detection_drops_a_repeated_publish()
    {
        await using var bus = await TestEngine.OpenAsync(new TopologyModel([], [new TopicDefinition("events")
        {
            RequiresDuplicateDetection = true,
            Subscriptions = [new SubscriptionDefinition("s")],
        }]));
        await bus.SendAsync("events", TestEngine.Message("one", "evt-1"));
        await bus.SendAsync("events", TestEngine.Message("two", "evt-1"));
        Assert.Equal("one", Assert.Single(await bus.ReceiveAsync(Sub("s"), 10, TimeSpan.Zero)).Text());
    }

    [Fact]
    public async Task Subscriptions_have_their_own_locks_delivery_counts_and_dead_letter_queues()
    {
        await using var bus = await TestEngine.OpenAsync(Topology(new SubscriptionDefinition("a") { MaxDeliveryCount = 1 }, new SubscriptionDefinition("b")));
        await bus.SendAsync("events", TestEngine.Message("x"));
        await bus.AbandonAsync(Sub("a"), (await bus.ReceiveOneAsync(Sub("a"))).LockToken);

        Assert.Equal(DeadLetterProperties.MaxDeliveryCountExceeded, (await bus.ReceiveOneAsync(EntityPaths.DeadLetter(Sub("a")))).DeadLetterReason);
        Assert.Equal(1, (await bus.ReceiveOneAsync(Sub("b"))).DeliveryCount);
    }
}
