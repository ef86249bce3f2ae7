using AiWorkload.Orchestration.Pipelines;
using AiWorkload.Orchestration.Pipelines.Loading;

namespace AiWorkload.Orchestration.Tests.Pipelines;

/// <summary>Semantic checks: types, dependencies, cycles, templates and triggers, each with its path and reason.</summary>
public sealed class PipelineValidatorTests
{
    private static readonly IReadOnlyDictionary<string, IReadOnlyCollection<string>> Types = new Dictionary<string, IReadOnlyCollection<string>>
    {
        ["train"] = ["modelId"],
        ["echo"] = [],
    };

    [Fact]
    public void Unknown_types_missing_inputs_dependencies_and_cycles_are_reported()
    {
        var pipeline = new PipelineDefinition("bad pipeline!",
        [
            new ActivityDefinition("a", "teleport") { DependsOn = ["c"] },
            new ActivityDefinition("b", "train") { DependsOn = ["a", "ghost"] },
            new ActivityDefinition("c", "echo") { DependsOn = ["b"] },
            new ActivityDefinition("c", "echo"),
        ]);

        var errors = Errors(pipeline);

        Assert.Contains("code p.name: 'bad pipeline!' is not a valid pipeline name: 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit", errors);
        Assert.Contains("code p.activities[0].type: unknown activity type 'teleport'; known types are echo, forEach, train", errors);
        Assert.Contains("code p.activities[1].inputs: 'train' needs input 'modelId'", errors);
        Assert.Contains("code p.activities[1].dependsOn[1]: unknown activity 'ghost'; the pipeline has a, b, c, c", errors);
        Assert.Contains("code p.activities[3].name: 'c' is used by another activity; names must be unique", errors);
        Assert.Contains("code p.activities[0].dependsOn: dependency cycle: a → c → b → a", errors);
    }

    [Fact]
    public void Templates_may_read_only_what_exists_where_they_are_used()
    {
        var pipeline = new PipelineDefinition("p",
        [
            new ActivityDefinition("first", "echo") { Inputs = new Dictionary<string, string> { ["x"] = "${activities.second.output.y}", ["i"] = "${item}", ["bad"] = "${run.colour}", ["open"] = "${run.id" } },
            new ActivityDefinition("second", "echo") { DependsOn = ["first"], Inputs = new Dictionary<string, string> { ["ok"] = "${activities.first.output.x} ${run.parameters.any}", ["ghost"] = "${activities.nope.output.x}" } },
        ]);

        var errors = Errors(pipeline);

        Assert.Contains("code p.activities[0].inputs.x: ${activities.second.output.y}: 'second' is not among the activities this one depends on (directly or not); add it to dependsOn", errors);
        Assert.Contains("code p.activities[0].inputs.i: ${item}: item and index exist only inside forEach.activity", errors);
        Assert.Contains("code p.activities[0].inputs.bad: ${run.colour}: use run.id, run.pipeline, run.modelId, run.trigger or run.parameters.NAME", errors);
        Assert.Contains("code p.activities[0].inputs.open: '${' at position 0 has no closing '}'", errors);
        Assert.Contains("code p.activities[1].inputs.ghost: ${activities.nope.output.x}: there is no activity 'nope'", errors);
        Assert.Equal(5, errors.Count);
    }

    [Fact]
    public void Triggers_must_be_complete_and_their_filters_must_compile()
    {
        var pipeline = new PipelineDefinition("p", [new ActivityDefinition("a", "echo")])
        {
            Triggers =
            [
                new TriggerDefinition(TriggerKind.Event) { Sql = "user.x = " },
                new TriggerDefinition(TriggerKind.Schedule) { Cron = "61 * * * *" },
                new TriggerDefinition(TriggerKind.Schedule) { Cron = "0 0 30 2 *" },
                new TriggerDefinition(TriggerKind.Schedule),
                new TriggerDefinition(TriggerKind.Drift) { Cron = "* * * * *" },
                new TriggerDefinition(TriggerKind.Event) { Event = "DataIngested", Correlation = new CorrelationTriggerFilter() },
                new TriggerDefinition(TriggerKind.Schedule) { Cron = "0 3 * * *", TimeZone = "Mars/Olympus_Mons" },
                new TriggerDefinition(TriggerKind.Schedule) { Cron = "0 3 * * *", TimeZone = "Europe/Berlin" },
            ],
        };

        var errors = Errors(pipeline);

        Assert.Contains("code p.triggers[0].event: is required: the event type (message subject), for example DataIngested", errors);
        Assert.Contains(errors, e => e.StartsWith("code p.triggers[0].sql: ", StringComparison.Ordinal));
        Assert.Contains("code p.triggers[1].cron: '61 * * * *': field 1 (minute) '61': value must be a number between 0 and 59 (all inclusive)", errors);
        Assert.Contains("code p.triggers[2].cron: '0 0 30 2 *' never fires", errors);
        Assert.Contains("code p.triggers[3]: a schedule trigger needs exactly one of cron or every", errors);
        Assert.Contains("code p.triggers[4]: cron, timeZone and every belong to schedule triggers, not Drift", errors);
        Assert.Contains("code p.triggers[5].correlation: needs at least one of correlationId, subject, contentType or properties", errors);
        Assert.Contains("code p.triggers[6].timeZone: 'Mars/Olympus_Mons' is not a time zone known here; use an IANA id such as Europe/Berlin or UTC", errors);
        Assert.DoesNotContain(errors, e => e.Contains("p.triggers[7]", StringComparison.Ordinal));
    }

    [Fact]
    public void The_shipped_pipelines_are_valid()
    {
        var types = new Dictionary<string, IReadOnlyCollection<string>>
        {
            ["validateDataset"] = [],
            ["train"] = ["modelId"],
            ["evaluate"] = ["modelId", "jobId"],
            ["promote"] = ["modelId", "jobId"],
            ["notify"] = ["message"],
        };

        Assert.All(DefaultPipelines.All, p => Assert.Empty(PipelineValidator.Validate(new LoadedPipeline(p, "built-in", "$"), types)));
    }

    private static List<string> Errors(PipelineDefinition pipeline) =>
        [.. PipelineValidator.Validate(new LoadedPipeline(pipeline, "code", "p"), Types).Select(e => e.ToString())];
}
