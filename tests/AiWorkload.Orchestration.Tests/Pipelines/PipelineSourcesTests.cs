using System.Net.Http.Json;
using System.Text.Json;
using AiWorkload.Orchestration.Pipelines.Loading;
using AiWorkload.Testing;

namespace AiWorkload.Orchestration.Tests.Pipelines;

/// <summary>Pipelines from configuration and from a file reach the service; an invalid one stops it at start.</summary>
public sealed class PipelineSourcesTests
{
    [Fact]
    public async Task Pipelines_from_configuration_and_a_yaml_file_are_served_beside_the_shipped_ones()
    {
        using var directory = new TemporaryDirectory();
        await File.WriteAllTextAsync(Path.Combine(directory.Path, "pipelines.yaml"), PipelineLoaderTests.Yaml);
        var configuration = new Dictionary<string, string?>
        {
            ["Orchestration:PipelinesFile"] = "pipelines.yaml",
            ["Orchestration:Pipelines:0:name"] = "from-config",
            ["Orchestration:Pipelines:0:activities:0:name"] = "say",
            ["Orchestration:Pipelines:0:activities:0:type"] = "notify",
            ["Orchestration:Pipelines:0:activities:0:inputs:message"] = "hello from ${run.pipeline}",
        };
        await using var host = await OrchestrationHost.StartAsync(new HostSetup { Directory = directory, Configuration = configuration });
        using var client = host.CreateClient();

        var names = (await client.GetFromJsonAsync<JsonElement>("/api/pipelines")).EnumerateArray().Select(p => p.GetProperty("name").GetString());

        Assert.Equal(["from-config", "nightly-retrain", "retrain-on-drift", "retrain-on-new-data"], names);
        await host.StartRunAsync("hello", "from-config");
        var run = await host.WaitForStateAsync("hello", AiWorkload.Orchestration.Runs.RunState.Succeeded);
        Assert.Equal("hello from from-config", run.FindActivity("say")!.Outputs!["message"]);
    }

    [Fact]
    public async Task An_invalid_pipelines_file_stops_the_service_at_start_with_every_problem_and_its_path()
    {
        using var directory = new TemporaryDirectory();
        await File.WriteAllTextAsync(Path.Combine(directory.Path, "bad.yaml"), """
            pipelines:
              - name: bad
                activities:
                  - name: a
                    type: trian
                  - name: b
                    type: notify
                    dependsOn: [a, b]
            """);

        var error = await Assert.ThrowsAsync<PipelineDefinitionException>(() => OrchestrationHost.StartAsync(new HostSetup
        {
            Directory = directory,
            Configuration = new Dictionary<string, string?> { ["Orchestration:PipelinesFile"] = "bad.yaml" },
        }));

        var file = Path.Combine(directory.Path, "bad.yaml");
        Assert.Contains($"{file} $.pipelines[0].activities[0].type: unknown activity type 'trian'", error.Message, StringComparison.Ordinal);
        Assert.Contains($"{file} $.pipelines[0].activities[1].dependsOn[1]: an activity cannot depend on itself", error.Message, StringComparison.Ordinal);
        Assert.Contains($"{file} $.pipelines[0].activities[1].inputs: 'notify' needs input 'message'", error.Message, StringComparison.Ordinal);
    }
}
