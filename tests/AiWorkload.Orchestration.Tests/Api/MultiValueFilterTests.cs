using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AiWorkload.Orchestration.Pipelines;
using AiWorkload.Orchestration.Runs;

namespace AiWorkload.Orchestration.Tests.Api;

/// <summary>List filters take several values, comma-separated or repeated, and page over the union newest first.</summary>
public sealed class MultiValueFilterTests
{
    private static readonly PipelineDefinition Quick = new("quick", [new ActivityDefinition("echo", "echo") { Inputs = new Dictionary<string, string> { ["m"] = "${run.modelId}" } }]);

    [Fact]
    public async Task Several_states_in_one_or_repeated_parameters_list_the_union_with_paging()
    {
        await using var host = await OrchestrationHost.StartAsync(new HostSetup { Orchestration = o => o.AddActivity<EchoActivity>().AddPipeline(Quick) });
        for (var i = 0; i < 3; i++)
        {
            await host.StartRunAsync($"ok{i}", "quick", modelId: "a");
            await host.WaitForStateAsync($"ok{i}", RunState.Succeeded);
            await host.StartRunAsync($"bad{i}", "missing-pipeline", modelId: "b");
            await host.WaitForStateAsync($"bad{i}", RunState.Failed);
        }

        using var client = host.CreateClient();

        var comma = await client.GetFromJsonAsync<JsonElement>("/api/runs?state=Succeeded,Failed&pageSize=4");
        var repeated = await client.GetFromJsonAsync<JsonElement>("/api/runs?state=succeeded&state=failed&pageSize=4&page=2");
        var onlyFailed = await client.GetFromJsonAsync<JsonElement>("/api/runs?state=Running,Failed");
        var models = await client.GetFromJsonAsync<JsonElement>("/api/runs?modelId=a,b&pageSize=100");
        using var bad = await client.GetAsync(new Uri("/api/runs?state=Running,,Failed", UriKind.Relative));

        Assert.Equal(6, comma.GetProperty("total").GetInt64());
        Assert.Equal(["bad2", "ok2", "bad1", "ok1"], Ids(comma));
        Assert.Equal(["bad0", "ok0"], Ids(repeated));
        Assert.Equal(["bad2", "bad1", "bad0"], Ids(onlyFailed));
        Assert.Equal(6, Ids(models).Length);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("application/problem+json", bad.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Decisions_filter_by_several_models_and_policies()
    {
        await using var host = await OrchestrationHost.StartAsync();
        await Seed.ModelAsync(host.Catalog);
        await host.Bus.PublishAsync(Policies.DriftPolicyTests.Report("fine", 0.89));
        await host.Bus.PublishAsync(Policies.DriftPolicyTests.Report("ghostly", 0.89, model: "ghost"));
        await Policies.DriftPolicyTests.WaitForDecisionsAsync(host, 2, modelId: null);
        using var client = host.CreateClient();

        var both = await client.GetFromJsonAsync<JsonElement>("/api/decisions?modelId=churn&modelId=ghost&policy=drift,new-data");
        var one = await client.GetFromJsonAsync<JsonElement>("/api/decisions?modelId=ghost,nobody");

        Assert.Equal(2, both.GetProperty("total").GetInt64());
        Assert.Equal("ghost", Assert.Single(one.GetProperty("items").EnumerateArray()).GetProperty("modelId").GetString());
    }

    private static string[] Ids(JsonElement page) => [.. page.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("runId").GetString()!)];
}
