using AiWorkload.Contracts.Events;
using AiWorkload.Orchestration.Pipelines;
using AiWorkload.Orchestration.Runs;
using AiWorkload.Orchestration.Store;
using AiWorkload.Storage.Postgres.Runs;
using AiWorkload.Testing;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;

namespace AiWorkload.Orchestration.Tests.Store;

/// <summary>A whole host on the shared PostgreSQL run store instead of its SQLite file, as a containerised orchestrator runs.</summary>
public sealed class PostgresPipelineTests
{
    [Fact]
    public async Task A_drift_retraining_runs_to_the_end_on_the_PostgreSQL_store_and_another_process_sees_it()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await using var dataSource = NpgsqlDataSource.Create(database.ConnectionString);
        using var directory = new TemporaryDirectory();
        var setup = new HostSetup
        {
            Directory = directory,
            Orchestration = o =>
            {
                o.Services.RemoveAll<IRunStore>();
                o.Services.AddSingleton<IRunStore>(new PostgresRunStore(dataSource));
            },
        };

        PipelineRun finished;
        await using (var host = await OrchestrationHost.StartAsync(setup))
        {
            Assert.IsType<PostgresRunStore>(host.Store);
            await Seed.ModelAsync(host.Catalog);

            await host.StartRunAsync("run-pg", DefaultPipelines.RetrainOnDrift);
            var run = await host.WaitForStateAsync("run-pg", RunState.Succeeded);

            Assert.Equal(["validate", "train", "evaluate", "promote", "notify"], run.Activities.Select(a => a.Name));
            Assert.All(run.Activities, a => Assert.Equal(ActivityStatus.Succeeded, a.Status));
            Assert.Equal("run-pg:train:1", Assert.Single(host.Trainer.Requests).RequestId);
            await host.Events.WaitForAsync<PipelineNotification>(n => n.RunId == "run-pg");
            await host.DrainOutboxAsync();
            finished = (await host.Store.GetRunAsync("run-pg"))!;
        }

        await using var elsewhere = NpgsqlDataSource.Create(database.ConnectionString);
        var shared = new PostgresRunStore(elsewhere);
        var stored = (await shared.GetRunAsync("run-pg"))!;
        Assert.Equal(RunState.Succeeded, stored.State);
        Assert.Equal((finished.Version, finished.History.Count), (stored.Version, stored.History.Count));
        Assert.NotEmpty(stored.History);
        Assert.Equal(["run-pg"], (await shared.QueryRunsAsync(new RunQuery())).Items.Select(r => r.RunId));
        Assert.Equal(new OutboxBacklog(0, null), await shared.GetOutboxBacklogAsync());
        Assert.False(File.Exists(Path.Combine(directory.Path, SqliteRunStore.FileName)));
    }
}
