using System.Text;
using AiWorkload.Messaging.Topology;
using AiWorkload.Messaging.Topology.EmulatorConfig;

namespace AiWorkload.Messaging.Tests.EmulatorConfig;

public sealed class EmulatorConfigReaderErrorTests
{
    private const string Queues = "Config.json $.UserConfig.Namespaces[0].Queues";
    private const string Rule = "Config.json $.UserConfig.Namespaces[0].Topics[0].Subscriptions[0].Rules[0]";

    [Fact]
    public void A_malformed_duration_names_its_path_and_value()
    {
        var error = ConfigJson.ReadError(ConfigJson.Document(queues: """
            { "Name": "a" }, { "Name": "b", "Properties": { "LockDuration": "PT1X" } }
            """));

        Assert.Equal($"{Queues}[1].Properties.LockDuration", error.Location);
        Assert.Equal("'PT1X' is not an ISO 8601 duration", error.Reason);
    }

    [Fact]
    public void A_value_of_the_wrong_type_says_what_was_expected_and_found()
    {
        var error = ConfigJson.ReadError(ConfigJson.Document(queues: """{ "Name": "a", "Properties": { "RequiresSession": "true" } }"""));

        Assert.Equal($"{Queues}[0].Properties.RequiresSession", error.Location);
        Assert.Equal("expected a boolean but found a string", error.Reason);
    }

    [Theory]
    [InlineData("\"3\"", "expected an integer but found a string")]
    [InlineData("3.5", "expected a 32-bit integer but found 3.5")]
    [InlineData("3000000000", "expected a 32-bit integer but found 3000000000")]
    public void A_delivery_count_must_be_an_integer(string value, string reason)
    {
        var error = ConfigJson.ReadError(ConfigJson.Document(queues: $$"""{ "Name": "a", "Properties": { "MaxDeliveryCount": {{value}} } }"""));

        Assert.Equal($"{Queues}[0].Properties.MaxDeliveryCount", error.Location);
        Assert.Equal(reason, error.Reason);
    }

    [Fact]
    public void A_misspelled_property_is_an_error_with_a_suggestion()
    {
        var error = ConfigJson.ReadError(ConfigJson.Document(queues: """{ "Name": "a", "Properties": { "LockDurations": "PT1M" } }"""));

        Assert.Equal($"{Queues}[0].Properties.LockDurations", error.Location);
        Assert.Equal("unknown property 'LockDurations'; did you mean 'LockDuration'?", error.Reason);
    }

    [Fact]
    public void An_unknown_property_far_from_any_known_one_lists_the_known_ones()
    {
        var error = ConfigJson.ReadError(ConfigJson.Document(topics: """{ "Name": "t", "Subscriptions": [ { "Name": "s" } ], "Partitions": 4 }"""));

        Assert.Equal("Config.json $.UserConfig.Namespaces[0].Topics[0].Partitions", error.Location);
        Assert.Equal("unknown property 'Partitions'; expected one of Name, Properties, Subscriptions", error.Reason);
    }

    [Fact]
    public void A_property_the_topic_does_not_have_is_unknown_there()
    {
        var error = ConfigJson.ReadError(ConfigJson.Document(topics: """{ "Name": "t", "Properties": { "LockDuration": "PT1M" }, "Subscriptions": [ { "Name": "s" } ] }"""));

        Assert.Equal("Config.json $.UserConfig.Namespaces[0].Topics[0].Properties.LockDuration", error.Location);
        Assert.StartsWith("unknown property 'LockDuration'", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_misspelled_correlation_property_is_an_error()
    {
        var error = ConfigJson.ReadError(ConfigJson.WithRules("""{ "Name": "r", "Properties": { "FilterType": "Correlation", "CorrelationFilter": { "label": "x" } } }"""));

        Assert.Equal($"{Rule}.Properties.CorrelationFilter.label", error.Location);
        Assert.Equal("unknown property 'label'; did you mean 'Label'?", error.Reason);
    }

    [Fact]
    public void A_missing_required_name_is_reported_on_its_object()
    {
        var error = ConfigJson.ReadError(ConfigJson.Document(queues: """{ "Name": "a" }, { "Properties": {} }"""));

        Assert.Equal($"{Queues}[1]", error.Location);
        Assert.Equal("missing required property 'Name'", error.Reason);
    }

    [Fact]
    public void A_missing_logging_section_is_reported()
    {
        var error = ConfigJson.ReadError("""{ "UserConfig": { "Namespaces": [ { "Name": "sbemulatorns", "Queues": [], "Topics": [] } ] } }""");

        Assert.Equal("Config.json $.UserConfig", error.Location);
        Assert.Equal("missing required property 'Logging'", error.Reason);
    }

    [Fact]
    public void Invalid_json_reports_line_and_position()
    {
        var error = ConfigJson.ReadError("{\n  \"UserConfig\": {\n    \"Namespaces\": [ }\n}");

        Assert.Equal("Config.json (line 3, position 21)", error.Location);
        Assert.StartsWith("invalid JSON: ", error.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain("LineNumber", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_file_is_invalid_json()
    {
        var error = ConfigJson.ReadError("");

        Assert.Equal("Config.json (line 1, position 1)", error.Location);
        Assert.StartsWith("invalid JSON: ", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_property_given_twice_is_an_error()
    {
        var error = ConfigJson.ReadError(ConfigJson.Document(queues: """{ "Name": "a", "Properties": { "LockDuration": "PT1M", "LockDuration": "PT2M" } }"""));

        Assert.Equal($"{Queues}[0].Properties.LockDuration", error.Location);
        Assert.Equal("property 'LockDuration' appears twice", error.Reason);
    }

    [Fact]
    public void A_section_of_the_wrong_shape_is_an_error()
    {
        var error = ConfigJson.ReadError("""{ "UserConfig": { "Namespaces": [ { "Name": "n", "Queues": {}, "Topics": [] } ], "Logging": { "Type": "File" } } }""");

        Assert.Equal("Config.json $.UserConfig.Namespaces[0].Queues", error.Location);
        Assert.Equal("expected an array but found an object", error.Reason);
    }

    [Fact]
    public void More_than_one_namespace_is_an_error()
    {
        var ns = """{ "Name": "sbemulatorns", "Queues": [], "Topics": [] }""";
        var error = ConfigJson.ReadError($$"""{ "UserConfig": { "Namespaces": [ {{ns}}, {{ns}} ], "Logging": { "Type": "File" } } }""");

        Assert.Equal("Config.json $.UserConfig.Namespaces[1]", error.Location);
        Assert.Equal("expected exactly one namespace but found 2", error.Reason);
    }

    [Fact]
    public void An_unknown_logging_type_is_an_error()
    {
        var error = ConfigJson.ReadError("""{ "UserConfig": { "Namespaces": [ { "Name": "n", "Queues": [], "Topics": [] } ], "Logging": { "Type": "Syslog" } } }""");

        Assert.Equal("Config.json $.UserConfig.Logging.Type", error.Location);
        Assert.StartsWith("'Syslog' is not a logging type", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_filter_type_is_an_error()
    {
        var error = ConfigJson.ReadError(ConfigJson.WithRules("""{ "Name": "r", "Properties": { "FilterType": "sql", "SqlFilter": { "SqlExpression": "1=1" } } }"""));

        Assert.Equal($"{Rule}.Properties.FilterType", error.Location);
        Assert.Equal("'sql' is not a filter type; expected 'Correlation' or 'Sql'", error.Reason);
    }

    [Fact]
    public void A_sql_rule_without_its_filter_is_an_error()
    {
        var error = ConfigJson.ReadError(ConfigJson.WithRules("""{ "Name": "r", "Properties": { "FilterType": "Sql" } }"""));

        Assert.Equal($"{Rule}.Properties", error.Location);
        Assert.Equal("missing required property 'SqlFilter'", error.Reason);
    }

    [Fact]
    public void A_filter_that_does_not_match_the_filter_type_is_an_error()
    {
        var error = ConfigJson.ReadError(ConfigJson.WithRules("""
            { "Name": "r", "Properties": { "FilterType": "Sql", "SqlFilter": { "SqlExpression": "a = 1" }, "CorrelationFilter": { "To": "x" } } }
            """));

        Assert.Equal($"{Rule}.Properties.CorrelationFilter", error.Location);
        Assert.Equal("'CorrelationFilter' does not apply when FilterType is 'Sql'", error.Reason);
    }

    [Fact]
    public void An_action_without_its_expression_is_an_error()
    {
        var error = ConfigJson.ReadError(ConfigJson.WithRules("""
            { "Name": "r", "Properties": { "FilterType": "Sql", "SqlFilter": { "SqlExpression": "a = 1" }, "Action": {} } }
            """));

        Assert.Equal($"{Rule}.Properties.Action", error.Location);
        Assert.Equal("missing required property 'SqlExpression'", error.Reason);
    }

    [Fact]
    public void A_null_correlation_property_value_is_an_error()
    {
        var error = ConfigJson.ReadError(ConfigJson.WithRules("""
            { "Name": "r", "Properties": { "FilterType": "Correlation", "CorrelationFilter": { "Properties": { "my prop": null } } } }
            """));

        Assert.Equal($"{Rule}.Properties.CorrelationFilter.Properties['my prop']", error.Location);
        Assert.Equal("expected a string, number or boolean but found null", error.Reason);
    }

    [Fact]
    public void A_value_outside_the_services_range_is_located_in_the_file()
    {
        var error = ConfigJson.ReadError(ConfigJson.Document(queues: """{ "Name": "a" }, { "Name": "b", "Properties": { "LockDuration": "PT1S" } }"""));

        Assert.Equal($"{Queues}[1].Properties.LockDuration", error.Location);
        Assert.Contains("is outside", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_name_declared_twice_is_located_at_the_repeat()
    {
        var error = ConfigJson.ReadError(ConfigJson.Document(
            queues: """{ "Name": "same" }""",
            topics: """{ "Name": "same", "Subscriptions": [ { "Name": "s" } ] }"""));

        Assert.Equal("Config.json $.UserConfig.Namespaces[0].Topics[0].Name", error.Location);
        Assert.Equal("an entity with this name is declared twice", error.Reason);
    }

    [Fact]
    public void A_forward_to_a_missing_entity_is_located_at_the_subscription()
    {
        var error = ConfigJson.ReadError(ConfigJson.Document(topics: """
            { "Name": "t", "Subscriptions": [ { "Name": "s1" }, { "Name": "s2", "Properties": { "ForwardTo": "nowhere" } } ] }
            """));

        Assert.Equal("Config.json $.UserConfig.Namespaces[0].Topics[0].Subscriptions[1].Properties.ForwardTo", error.Location);
        Assert.Equal("the target 'nowhere' is not a queue or topic of this topology", error.Reason);
    }

    [Fact]
    public void An_empty_sql_filter_is_located_at_the_rule()
    {
        var error = ConfigJson.ReadError(ConfigJson.WithRules("""{ "Name": "r", "Properties": { "FilterType": "Sql", "SqlFilter": { "SqlExpression": "" } } }"""));

        Assert.Equal($"{Rule}.Properties.SqlFilter", error.Location);
        Assert.Equal("the SQL expression is empty", error.Reason);
    }

    [Fact]
    public void An_empty_correlation_filter_is_located_at_the_rule()
    {
        var error = ConfigJson.ReadError(ConfigJson.WithRules("""{ "Name": "r", "Properties": { "FilterType": "Correlation", "CorrelationFilter": {} } }"""));

        Assert.Equal($"{Rule}.Properties.CorrelationFilter", error.Location);
        Assert.Equal("a correlation filter needs at least one property", error.Reason);
    }

    [Fact]
    public void Reading_a_file_locates_errors_by_its_file_name()
    {
        var directory = Directory.CreateTempSubdirectory("emulator-config-");
        try
        {
            var path = Path.Combine(directory.FullName, "Config.json");
            File.WriteAllText(path, ConfigJson.Document(queues: """{ "Name": "a", "Properties": { "LockDuration": 60 } }"""), Encoding.UTF8);

            var error = Assert.Throws<TopologyException>(() => EmulatorConfigReader.Read(path));

            Assert.Equal($"{Queues}[0].Properties.LockDuration", error.Location);
            Assert.Equal("expected a string but found a number", error.Reason);
            Assert.Equal($"{error.Location}: {error.Reason}", error.Message);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
