using AiWorkload.Orchestration.Activities;
using AiWorkload.Orchestration.Pipelines;
using AiWorkload.Orchestration.Pipelines.Loading;
using Microsoft.Extensions.Configuration;

namespace AiWorkload.Orchestration.Tests.Pipelines;

/// <summary>Pipelines from JSON, YAML and configuration, with errors that give the source, the path and the reason.</summary>
public sealed class PipelineLoaderTests
{
    internal const string Json = """
        {
          "pipelines": [
            {
              "name": "nightly-retrain",
              "description": "Retrain every night, or when a churn model is registered.",
              "parameters": { "reason": "nightly", "minRows": 100 },
              "triggers": [
                { "type": "schedule", "cron": "0 3 * * *", "modelId": "churn" },
                { "type": "event", "event": "ModelRegistered", "sql": "user.model_id LIKE 'churn%'" },
                { "type": "event", "event": "DataIngested", "correlation": { "properties": { "dataset_id": "churn-data" } }, "parameters": { "rows": "${event.rowsAdded}" } },
                { "type": "manual" }
              ],
              "activities": [
                { "name": "validate", "type": "validateDataset", "inputs": { "modelId": "${run.modelId}", "minRows": "${run.parameters.minRows}" }, "timeout": "1m" },
                { "name": "train", "type": "train", "dependsOn": ["validate"], "inputs": { "modelId": "${run.modelId}" },
                  "timeout": "2h", "retry": { "maxAttempts": 3, "backoff": "30s", "backoffFactor": 2, "maxBackoff": "10m" } },
                { "name": "notify-each", "type": "forEach", "dependsOn": ["train"],
                  "forEach": { "items": "ops,ml-team", "parallelism": 2,
                    "activity": { "type": "notify", "inputs": { "message": "${item}: version ${activities.train.output.version}" } } } }
              ]
            }
          ]
        }
        """;

    internal const string Yaml = """
        pipelines:
          - name: nightly-retrain
            description: Retrain every night, or when a churn model is registered.
            parameters:
              reason: nightly
              minRows: 100
            triggers:
              - type: schedule
                cron: "0 3 * * *"
                modelId: churn
              - type: event
                event: ModelRegistered
                sql: "user.model_id LIKE 'churn%'"
              - type: event
                event: DataIngested
                correlation:
                  properties:
                    dataset_id: churn-data
                parameters:
                  rows: ${event.rowsAdded}
              - type: manual
            activities:
              - name: validate
                type: validateDataset
                inputs: { modelId: "${run.modelId}", minRows: "${run.parameters.minRows}" }
                timeout: 1m
              - name: train
                type: train
                dependsOn: [validate]
                inputs: { modelId: "${run.modelId}" }
                timeout: 2h
                retry: { maxAttempts: 3, backoff: 30s, backoffFactor: 2, maxBackoff: 10m }
              - name: notify-each
                type: forEach
                dependsOn: [train]
                forEach:
                  items: ops,ml-team
                  parallelism: 2
                  activity:
                    type: notify
                    inputs:
                      message: "${item}: version ${activities.train.output.version}"
        """;

    private static readonly IReadOnlyDictionary<string, IReadOnlyCollection<string>> BuiltInTypes = new Dictionary<string, IReadOnlyCollection<string>>
    {
        [ActivityTypes.ValidateDataset] = [],
        [ActivityTypes.Train] = ["modelId"],
        [ActivityTypes.Evaluate] = ["modelId", "jobId"],
        [ActivityTypes.Promote] = ["modelId", "jobId"],
        [ActivityTypes.WaitForEvent] = ["event"],
        [ActivityTypes.Notify] = ["message"],
    };

    [Fact]
    public void Json_and_yaml_describe_the_same_pipeline()
    {
        var json = Assert.Single(PipelineLoader.LoadJson(Json));
        var yaml = Assert.Single(PipelineLoader.LoadYaml(Yaml));

        Assert.Empty(PipelineValidator.Validate(json, BuiltInTypes));
        Assert.Empty(PipelineValidator.Validate(yaml, BuiltInTypes));
        Assert.Equal(Describe(json.Definition), Describe(yaml.Definition));
        var train = json.Definition.FindActivity("train")!;
        Assert.Equal(TimeSpan.FromHours(2), train.Timeout);
        Assert.Equal(new ActivityRetryPolicy(3, TimeSpan.FromSeconds(30)) { MaxBackoff = TimeSpan.FromMinutes(10) }, train.Retry);
        Assert.Equal("100", json.Definition.Parameters["minRows"]);
        Assert.Equal(2, json.Definition.FindActivity("notify-each")!.ForEach!.Parallelism);
        Assert.Equal("churn-data", json.Definition.Triggers[2].Correlation!.Properties["dataset_id"]);
        Assert.Equal("$.pipelines[0]", json.Path);
    }

    [Fact]
    public void A_schedule_reads_its_cron_in_the_time_zone_it_names()
    {
        const string yaml = """
            name: berlin-nightly
            triggers:
              - type: schedule
                cron: "30 2 * * *"
                timeZone: Europe/Berlin
                modelId: churn
            activities:
              - name: train
                type: train
                inputs: { modelId: "${run.modelId}" }
            """;

        var loaded = Assert.Single(PipelineLoader.LoadYaml(yaml));

        Assert.Empty(PipelineValidator.Validate(loaded, BuiltInTypes));
        Assert.Equal("Europe/Berlin", loaded.Definition.Triggers[0].TimeZone);
    }

    [Fact]
    public void Configuration_sections_load_like_files()
    {
        var configuration = new ConfigurationBuilder().AddJsonStream(new MemoryStream(System.Text.Encoding.UTF8.GetBytes($$"""{ "Orchestration": { "Pipelines": {{Json[(Json.IndexOf('[', StringComparison.Ordinal))..Json.LastIndexOf('}')]}} } }"""))).Build();

        var loaded = Assert.Single(PipelineLoader.LoadConfiguration(configuration.GetSection("Orchestration:Pipelines")));

        // Configuration sorts keys, so compare as JSON trees, where property order does not matter.
        Assert.True(System.Text.Json.Nodes.JsonNode.DeepEquals(
            System.Text.Json.Nodes.JsonNode.Parse(Describe(Assert.Single(PipelineLoader.LoadJson(Json)).Definition)),
            System.Text.Json.Nodes.JsonNode.Parse(Describe(loaded.Definition))));
        Assert.Equal("configuration 'Orchestration:Pipelines'", loaded.Source);
    }

    [Fact]
    public void Structural_mistakes_are_all_reported_with_their_paths()
    {
        const string broken = """
            [{
              "name": "broken",
              "activites": [],
              "activities": [
                { "name": "a", "type": "train", "dependOn": ["x"], "timeout": "soon", "retry": { "maxAttempts": 0 } },
                { "name": "b", "type": "forEach", "forEach": { "items": "x", "parallelism": 500 } },
                "not an object"
              ],
              "triggers": [ { "type": "sometimes" } ]
            }]
            """;

        var errors = Assert.Throws<PipelineDefinitionException>(() => PipelineLoader.LoadJson(broken, "pipelines.json")).Errors.Select(e => e.ToString()).ToList();

        Assert.Contains("pipelines.json $[0].activites: unknown property (did you mean 'activities'?); known properties are name, description, parameters, triggers, activities", errors);
        Assert.Contains("pipelines.json $[0].activities[0].dependOn: unknown property (did you mean 'dependsOn'?); known properties are name, type, dependsOn, inputs, timeout, retry, forEach", errors);
        Assert.Contains("pipelines.json $[0].activities[0].timeout: 'soon' is not a positive duration: " + DurationParser.Formats, errors);
        Assert.Contains("pipelines.json $[0].activities[0].retry.maxAttempts: '0' must be a whole number from 1 to 100", errors);
        Assert.Contains("pipelines.json $[0].activities[1].forEach.parallelism: '500' must be a whole number from 1 to 64", errors);
        Assert.Contains("pipelines.json $[0].activities[1].forEach.activity: is required: the activity to run for each item", errors);
        Assert.Contains("pipelines.json $[0].activities[2]: must be an object, not the string 'not an object'", errors);
        Assert.Contains("pipelines.json $[0].triggers[0].type: unknown trigger type 'sometimes'; use manual, event, schedule, drift or newData", errors);
    }

    [Fact]
    public void Syntax_errors_give_line_and_position()
    {
        var json = Assert.Throws<PipelineDefinitionException>(() => PipelineLoader.LoadJson("{\n  \"name\": \"x\",\n  \"activities\": [ }", "p.json"));
        var yaml = Assert.Throws<PipelineDefinitionException>(() => PipelineLoader.LoadYaml("name: x\nactivities:\n  - name: a\n   type: b", "p.yaml"));

        Assert.StartsWith("p.json $: is not valid JSON (line 3", Assert.Single(json.Errors).ToString(), StringComparison.Ordinal);
        Assert.StartsWith("p.yaml $: is not valid YAML (line 4", Assert.Single(yaml.Errors).ToString(), StringComparison.Ordinal);
    }

    /// <summary>Records compare lists by reference, so compare a canonical JSON rendering instead.</summary>
    private static string Describe(PipelineDefinition pipeline) =>
        System.Text.Json.JsonSerializer.Serialize(pipeline, OrchestrationJsonContext.Default.PipelineDefinition);
}
