using AiWorkload.Messaging.Topology;
using AiWorkload.Messaging.Topology.EmulatorConfig;

namespace AiWorkload.Messaging.Tests.EmulatorConfig;

public sealed class EmulatorConfigReaderTests
{
    [Fact]
    public void The_official_example_loads_its_queue_with_every_property()
    {
        var model = EmulatorConfigReader.Read(ConfigJson.ExamplePath);

        var queue = Assert.Single(model.Queues);
        Assert.Equal("queue.1", queue.Name);
        Assert.False(queue.DeadLetteringOnMessageExpiration);
        Assert.Equal(TimeSpan.FromHours(1), queue.DefaultMessageTimeToLive);
        Assert.Equal(TimeSpan.FromSeconds(20), queue.DuplicateDetectionHistoryTimeWindow);
        Assert.Null(queue.ForwardDeadLetteredMessagesTo);
        Assert.Null(queue.ForwardTo);
        Assert.Equal(TimeSpan.FromMinutes(1), queue.LockDuration);
        Assert.Equal(3, queue.MaxDeliveryCount);
        Assert.False(queue.RequiresDuplicateDetection);
        Assert.False(queue.RequiresSession);
    }

    [Fact]
    public void The_official_example_loads_its_topic_and_subscriptions()
    {
        var model = EmulatorConfigReader.Read(ConfigJson.ExamplePath);

        var topic = Assert.Single(model.Topics);
        Assert.Equal("topic.1", topic.Name);
        Assert.Equal(TimeSpan.FromHours(1), topic.DefaultMessageTimeToLive);
        Assert.Equal(TimeSpan.FromSeconds(20), topic.DuplicateDetectionHistoryTimeWindow);
        Assert.False(topic.RequiresDuplicateDetection);
        Assert.Equal(["subscription.1", "subscription.2", "subscription.3", "subscription.4"], topic.Subscriptions.Select(s => s.Name));
        Assert.All(topic.Subscriptions, s =>
        {
            Assert.False(s.DeadLetteringOnMessageExpiration);
            Assert.Equal(TimeSpan.FromHours(1), s.DefaultMessageTimeToLive);
            Assert.Equal(TimeSpan.FromMinutes(1), s.LockDuration);
            Assert.Equal(3, s.MaxDeliveryCount);
            Assert.Null(s.ForwardDeadLetteredMessagesTo);
            Assert.Null(s.ForwardTo);
            Assert.False(s.RequiresSession);
        });
    }

    [Fact]
    public void The_official_example_loads_its_rules()
    {
        var subscriptions = EmulatorConfigReader.Read(ConfigJson.ExamplePath).Topics[0].Subscriptions;

        var contentType = Assert.Single(subscriptions[0].Rules);
        Assert.Equal("app-prop-filter-1", contentType.Name);
        var byContentType = Assert.IsType<CorrelationFilterDefinition>(contentType.Filter);
        Assert.Equal("application/json", byContentType.ContentType);
        Assert.Empty(byContentType.ApplicationProperties);
        Assert.Null(contentType.SqlAction);

        var userProperty = Assert.Single(subscriptions[1].Rules);
        Assert.Equal("user-prop-filter-1", userProperty.Name);
        var byUserProperty = Assert.IsType<CorrelationFilterDefinition>(userProperty.Filter);
        Assert.Null(byUserProperty.ContentType);
        Assert.Equal("value1", Assert.Single(byUserProperty.ApplicationProperties, p => p.Key == "prop1").Value);

        Assert.Empty(subscriptions[2].Rules);
        Assert.Equal(RuleDefinition.Default, Assert.Single(subscriptions[2].EffectiveRules));

        var sql = Assert.Single(subscriptions[3].Rules);
        Assert.Equal("sql-filter-1", sql.Name);
        Assert.Equal("sys.MessageId = '123456' AND userProp1 = 'value1'", Assert.IsType<SqlFilterDefinition>(sql.Filter).Expression);
        Assert.Equal("SET sys.To = 'Entity'", sql.SqlAction);
    }

    [Fact]
    public void Missing_properties_take_the_emulators_defaults_not_the_services()
    {
        var model = ConfigJson.Read(ConfigJson.Document(
            queues: """{ "Name": "q" }""",
            topics: """{ "Name": "t", "Subscriptions": [ { "Name": "s", "Properties": {} } ] }"""));

        var queue = model.Queues[0];
        Assert.Equal(3, queue.MaxDeliveryCount);
        Assert.Equal(TimeSpan.FromHours(1), queue.DefaultMessageTimeToLive);
        Assert.Equal(TimeSpan.FromMinutes(1), queue.LockDuration);
        Assert.Equal(TimeSpan.FromSeconds(20), queue.DuplicateDetectionHistoryTimeWindow);
        Assert.False(queue.RequiresSession || queue.RequiresDuplicateDetection || queue.DeadLetteringOnMessageExpiration);
        var topic = model.Topics[0];
        Assert.Equal(TimeSpan.FromHours(1), topic.DefaultMessageTimeToLive);
        Assert.Equal(TimeSpan.FromSeconds(20), topic.DuplicateDetectionHistoryTimeWindow);
        var subscription = topic.Subscriptions[0];
        Assert.Equal(3, subscription.MaxDeliveryCount);
        Assert.Equal(TimeSpan.FromHours(1), subscription.DefaultMessageTimeToLive);
        Assert.Equal(TimeSpan.FromMinutes(1), subscription.LockDuration);
        Assert.True(subscription.DeadLetteringOnFilterEvaluationExceptions);
    }

    [Fact]
    public void Every_property_is_mapped()
    {
        var model = ConfigJson.Read(ConfigJson.Document(
            queues: """
                { "Name": "q", "Properties": {
                  "DeadLetteringOnMessageExpiration": true, "DefaultMessageTimeToLive": "P2DT3H",
                  "DuplicateDetectionHistoryTimeWindow": "PT2M", "ForwardDeadLetteredMessagesTo": "dlq",
                  "ForwardTo": "t", "LockDuration": "PT45S", "MaxDeliveryCount": 7,
                  "RequiresDuplicateDetection": true, "RequiresSession": false } },
                { "Name": "dlq", "Properties": { "RequiresSession": true } }
                """,
            topics: """
                { "Name": "t", "Properties": { "DefaultMessageTimeToLive": "PT30M", "DuplicateDetectionHistoryTimeWindow": "PT1M", "RequiresDuplicateDetection": true },
                  "Subscriptions": [ { "Name": "s", "Properties": {
                    "DeadLetteringOnMessageExpiration": true, "DefaultMessageTimeToLive": "PT10M", "LockDuration": "PT2M",
                    "MaxDeliveryCount": 5, "ForwardDeadLetteredMessagesTo": "dlq", "ForwardTo": "", "RequiresSession": true } } ] }
                """));

        var q = model.Queues[0];
        Assert.True(q.DeadLetteringOnMessageExpiration);
        Assert.Equal(new TimeSpan(2, 3, 0, 0), q.DefaultMessageTimeToLive);
        Assert.Equal(TimeSpan.FromMinutes(2), q.DuplicateDetectionHistoryTimeWindow);
        Assert.Equal("dlq", q.ForwardDeadLetteredMessagesTo);
        Assert.Equal("t", q.ForwardTo);
        Assert.Equal(TimeSpan.FromSeconds(45), q.LockDuration);
        Assert.Equal(7, q.MaxDeliveryCount);
        Assert.True(q.RequiresDuplicateDetection);
        Assert.True(model.Queues[1].RequiresSession);
        var t = model.Topics[0];
        Assert.Equal(TimeSpan.FromMinutes(30), t.DefaultMessageTimeToLive);
        Assert.Equal(TimeSpan.FromMinutes(1), t.DuplicateDetectionHistoryTimeWindow);
        Assert.True(t.RequiresDuplicateDetection);
        var s = t.Subscriptions[0];
        Assert.True(s.DeadLetteringOnMessageExpiration);
        Assert.Equal(TimeSpan.FromMinutes(10), s.DefaultMessageTimeToLive);
        Assert.Equal(TimeSpan.FromMinutes(2), s.LockDuration);
        Assert.Equal(5, s.MaxDeliveryCount);
        Assert.Equal("dlq", s.ForwardDeadLetteredMessagesTo);
        Assert.Null(s.ForwardTo);
        Assert.True(s.RequiresSession);
    }

    [Fact]
    public void Correlation_filters_map_every_system_property_and_typed_application_properties()
    {
        var model = ConfigJson.Read(ConfigJson.WithRules("""
            { "Name": "r", "Properties": { "FilterType": "Correlation", "CorrelationFilter": {
                "ContentType": "ct", "CorrelationId": "cid", "Label": "subject", "MessageId": "mid", "ReplyTo": "rt",
                "ReplyToSessionId": "rtsid", "SessionId": "sid", "To": "to",
                "Properties": { "text": "v", "count": 42, "big": 9007199254740993, "ratio": 0.5, "whole": 2.0, "flag": true } } } }
            """));

        var filter = Assert.IsType<CorrelationFilterDefinition>(model.Topics[0].Subscriptions[0].Rules[0].Filter);
        Assert.Equal(("ct", "cid", "subject", "mid", "rt", "rtsid", "sid", "to"),
            (filter.ContentType, filter.CorrelationId, filter.Subject, filter.MessageId, filter.ReplyTo, filter.ReplyToSessionId, filter.SessionId, filter.To));
        var p = filter.ApplicationProperties;
        Assert.Equal("v", p["text"]);
        Assert.Equal(42L, p["count"]);
        Assert.Equal(9007199254740993L, p["big"]);
        Assert.Equal(0.5, p["ratio"]);
        Assert.Equal(2.0, Assert.IsType<double>(p["whole"]));
        Assert.Equal(true, p["flag"]);
    }

    [Fact]
    public void A_sql_filter_of_1_equals_1_reads_as_the_true_filter()
    {
        var model = ConfigJson.Read(ConfigJson.WithRules("""
            { "Name": "all", "Properties": { "FilterType": "Sql", "SqlFilter": { "SqlExpression": " 1 = 1 " }, "Action": { "SqlExpression": "SET x = 1" } } }
            """));

        var rule = model.Topics[0].Subscriptions[0].Rules[0];
        Assert.Same(TrueFilterDefinition.Instance, rule.Filter);
        Assert.Equal("SET x = 1", rule.SqlAction);
    }

    [Fact]
    public void The_emulators_own_limits_are_not_enforced()
    {
        var queues = string.Join(",", Enumerable.Range(0, 51).Select(i => $$"""{ "Name": "q{{i}}" }"""));
        var tooManyForTheEmulator = ConfigJson.Read(ConfigJson.Document(queues: queues));
        Assert.Equal(51, tooManyForTheEmulator.Queues.Count);

        var model = ConfigJson.Read(ConfigJson.Document(
            queues: """{ "Name": "q", "Properties": { "MaxDeliveryCount": 50, "DefaultMessageTimeToLive": "P7D", "DuplicateDetectionHistoryTimeWindow": "P1D" } }""",
            topics: """{ "Name": "t", "Subscriptions": [] }"""));
        Assert.Equal(50, model.Queues[0].MaxDeliveryCount);
        Assert.Equal(TimeSpan.FromDays(7), model.Queues[0].DefaultMessageTimeToLive);
        Assert.Equal(TimeSpan.FromDays(1), model.Queues[0].DuplicateDetectionHistoryTimeWindow);
        Assert.Empty(model.Topics[0].Subscriptions);
    }

    [Fact]
    public void Comments_trailing_commas_a_schema_reference_and_any_namespace_name_are_accepted()
    {
        var model = ConfigJson.Read("""
            {
              "$schema": "./servicebus-emulator-config.schema.json",
              // hand-edited
              "UserConfig": {
                "Namespaces": [ { "Name": "local", "Queues": [ { "Name": "q", }, ], "Topics": [], }, ],
                "Logging": { "Type": "Console,File" },
              },
            }
            """);

        Assert.Equal("q", Assert.Single(model.Queues).Name);
    }
}
