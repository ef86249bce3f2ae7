using AiWorkload.Catalog.Datasets;
using AiWorkload.Contracts.Events;
using AiWorkload.Orchestration.Pipelines;
using AiWorkload.Orchestration.Policies;
using AiWorkload.Orchestration.Runs;

namespace AiWorkload.Orchestration.Tests.Policies;

public sealed class NewDataPolicyTests
{
    [Fact]
    public async Task New_rows_accumulate_until_the_threshold_starts_a_retraining_then_count_again_from_its_data()
    {
        await using var host = await OrchestrationHost.StartAsync();
        await Seed.ModelAsync(host.Catalog);

        await host.Bus.PublishAsync(Ingested(await Seed.RowsAsync(host.Catalog, "b1", 60)));
        var first = (await DriftPolicyTests.WaitForDecisionsAsync(host, 1, policy: PolicyNames.NewData))[0];
        Assert.False(first.Triggered);
        Assert.Equal("60 new rows since data version 1 (threshold 100)", first.Reason);

        await host.Bus.PublishAsync(Ingested(await Seed.RowsAsync(host.Catalog, "b2", 50)));
        var second = (await DriftPolicyTests.WaitForDecisionsAsync(host, 2, policy: PolicyNames.NewData)).Single(d => d.EventId == "ingested-b2");
        Assert.True(second.Triggered);
        Assert.Equal("110 new rows since data version 1 (threshold 100)", second.Reason);
        var run = await host.WaitForStateAsync(second.RunId!, RunState.Succeeded);
        Assert.Equal(DefaultPipelines.RetrainOnNewData, run.Pipeline);
        Assert.Equal("110", run.FindActivity("validate")!.Outputs!["newRows"]);

        await host.Bus.PublishAsync(Ingested(await Seed.RowsAsync(host.Catalog, "b3", 10)));
        var third = (await DriftPolicyTests.WaitForDecisionsAsync(host, 3, policy: PolicyNames.NewData)).Single(d => d.EventId == "ingested-b3");
        Assert.Equal("10 new rows since data version 3 (threshold 100)", third.Reason);
    }

    [Fact]
    public async Task Data_for_a_dataset_no_model_uses_is_recorded_as_not_triggered()
    {
        await using var host = await OrchestrationHost.StartAsync();

        await host.Bus.PublishAsync(new DataIngested("ingested-x", "orphan-data", "x", 5, 5, 1, DateTimeOffset.UtcNow));

        var decision = (await DriftPolicyTests.WaitForDecisionsAsync(host, 1, modelId: null, policy: PolicyNames.NewData))[0];
        Assert.Equal("no model is trained on dataset 'orphan-data'", decision.Reason);
        Assert.Null(decision.ModelId);
    }

    private static DataIngested Ingested(DatasetBatch batch) =>
        new($"ingested-{batch.BatchId}", batch.DatasetId, batch.BatchId, batch.RowsAdded, batch.TotalRows, batch.DataVersion, DateTimeOffset.UtcNow);
}
