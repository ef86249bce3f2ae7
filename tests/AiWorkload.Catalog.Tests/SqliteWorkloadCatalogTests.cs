using AiWorkload.Catalog.Datasets;
using AiWorkload.Catalog.Idempotency;
using AiWorkload.Catalog.Models;
using AiWorkload.Catalog.Outbox;
using AiWorkload.Catalog.Sqlite;
using AiWorkload.Testing;

namespace AiWorkload.Catalog.Tests;

public sealed class SqliteWorkloadCatalogTests : IDisposable
{
    private static readonly DatasetDefinition Churn = new("churn", ["age", "spend"], "churned", LabelKind.Categorical);
    private static readonly DateTimeOffset Now = new(2026, 5, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly TemporaryDirectory _directory = new();
    private readonly SqliteWorkloadCatalog _catalog;

    public SqliteWorkloadCatalogTests() => _catalog = new SqliteWorkloadCatalog(_directory.Path);

    public void Dispose()
    {
        _catalog.Dispose();
        _directory.Dispose();
    }

    [Fact]
    public async Task Appended_batches_are_versioned_and_snapshots_are_repeatable()
    {
        await _catalog.WriteAsync(w => w.CreateDataset(Churn));
        var first = await _catalog.WriteAsync(w => w.AppendRows("churn", "b1", [Row(30, 10, "no"), Row(40, 90, "yes")]));
        var second = await _catalog.WriteAsync(w => w.AppendRows("churn", "b2", [Row(50, 5, "no")]));

        Assert.Equal((2, 2L, 1L), (first.RowsAdded, first.TotalRows, first.DataVersion));
        Assert.Equal((1, 3L, 2L), (second.RowsAdded, second.TotalRows, second.DataVersion));
        Assert.Equal(2, (await _catalog.ReadDatasetAsync("churn", upToVersion: 1)).Rows.Count);
        var all = await _catalog.ReadDatasetAsync("churn");
        Assert.Equal([30.0, 10.0], all.Rows[0].Features);
        Assert.Equal(["no", "yes", "no"], all.Rows.Select(r => r.Label));
        Assert.Equal(1, await _catalog.CountRowsAfterAsync("churn", 1));
    }

    [Fact]
    public async Task A_repeated_batch_id_adds_nothing_and_returns_the_original_outcome()
    {
        await _catalog.WriteAsync(w => w.CreateDataset(Churn));
        await _catalog.WriteAsync(w => w.AppendRows("churn", "b1", [Row(1, 2, "no")]));
        var again = await _catalog.WriteAsync(w => w.AppendRows("churn", "b1", [Row(1, 2, "no")]));

        Assert.True(again.AlreadyStored);
        Assert.Equal(1, again.TotalRows);
        Assert.Single((await _catalog.ReadDatasetAsync("churn")).Rows);
    }

    [Fact]
    public async Task Recreating_a_dataset_is_idempotent_but_a_new_schema_is_a_conflict()
    {
        await _catalog.WriteAsync(w => w.CreateDataset(Churn));
        await _catalog.WriteAsync(w => w.CreateDataset(Churn));
        await Assert.ThrowsAsync<CatalogConflictException>(() => _catalog.WriteAsync(w => w.CreateDataset(Churn with { Label = "other" })));
    }

    [Fact]
    public async Task A_failing_transaction_stores_nothing()
    {
        await _catalog.WriteAsync(w => w.CreateDataset(Churn));
        await Assert.ThrowsAsync<InvalidOperationException>(() => _catalog.WriteAsync<bool>(w =>
        {
            w.AppendRows("churn", "b1", [Row(1, 2, "no")]);
            w.Enqueue(new OutboxEntry("e1", "DataIngested", "{}", Now));
            throw new InvalidOperationException("crash between the write and the publish");
        }));

        Assert.Empty((await _catalog.ReadDatasetAsync("churn")).Rows);
        Assert.Empty(await _catalog.GetPendingOutboxAsync(10));
    }

    [Fact]
    public async Task Versions_are_numbered_per_model_and_a_job_never_creates_a_second_one()
    {
        await RegisterAsync();
        var v1 = await _catalog.WriteAsync(w => w.AddVersion(NewVersion("job-1", 0.8)));
        var again = await _catalog.WriteAsync(w => w.AddVersion(NewVersion("job-1", 0.9)));
        var v2 = await _catalog.WriteAsync(w => w.AddVersion(NewVersion("job-2", 0.9)));

        Assert.Equal(1, v1.Version);
        Assert.Equal((1, 0.8), (again.Version, again.Metrics["accuracy"])); // the first recording wins
        Assert.Equal(2, v2.Version);
        Assert.Equal(2, (await _catalog.GetVersionsAsync("m1")).Count);
        Assert.Equal(1, (await _catalog.GetVersionByJobAsync("m1", "job-1"))!.Version);
    }

    [Fact]
    public async Task Promoting_a_version_retires_the_previous_one()
    {
        await RegisterAsync();
        await _catalog.WriteAsync(w => w.AddVersion(NewVersion("job-1", 0.8)));
        await _catalog.WriteAsync(w => w.AddVersion(NewVersion("job-2", 0.9)));
        await _catalog.WriteAsync(w => w.SetVersionStatus("m1", 1, VersionStatus.Promoted, "first version"));
        await _catalog.WriteAsync(w => w.SetVersionStatus("m1", 2, VersionStatus.Promoted, "0.9 > 0.8"));

        var versions = await _catalog.GetVersionsAsync("m1");
        Assert.Equal([VersionStatus.Retired, VersionStatus.Promoted], versions.Select(v => v.Status));
        Assert.Equal(2, (await _catalog.GetPromotedVersionAsync("m1"))!.Version);
        Assert.Equal("0.9 > 0.8", versions[1].Decision);
        Assert.Equal(0.9, versions[1].Metrics["accuracy"]);
    }

    [Fact]
    public async Task Registering_a_model_twice_with_another_definition_is_a_conflict()
    {
        await RegisterAsync();
        await RegisterAsync();
        await Assert.ThrowsAsync<CatalogConflictException>(() => _catalog.WriteAsync(w => w.RegisterModel(Model() with { DatasetId = "other" })));
        Assert.Single(await _catalog.ListModelsAsync());
    }

    [Fact]
    public async Task Outbox_entries_stay_pending_until_marked_sent()
    {
        await _catalog.WriteAsync(w =>
        {
            w.Enqueue(new OutboxEntry("a", "T", "{1}", Now));
            w.Enqueue(new OutboxEntry("b", "T", "{2}", Now.AddSeconds(1)));
            return true;
        });
        Assert.Equal(["a", "b"], (await _catalog.GetPendingOutboxAsync(10)).Select(e => e.EntryId));

        await _catalog.MarkOutboxSentAsync(["a"], Now);

        Assert.Equal("b", Assert.Single(await _catalog.GetPendingOutboxAsync(10)).EntryId);
    }

    [Fact]
    public async Task Idempotent_responses_are_stored_and_read_back()
    {
        var response = new IdempotentResponse("key-1", "hash", 202, "/runs/1", "{\"id\":1}", Now);
        await _catalog.WriteAsync(w => { w.SaveIdempotentResponse(response); return true; });
        Assert.Equal(response, await _catalog.GetIdempotentResponseAsync("key-1"));
        Assert.Null(await _catalog.GetIdempotentResponseAsync("key-2"));
    }

    [Fact]
    public async Task Everything_survives_reopening_the_file()
    {
        await _catalog.WriteAsync(w => w.CreateDataset(Churn));
        await _catalog.WriteAsync(w => w.AppendRows("churn", "b1", [Row(1, 2, "yes")]));
        using var reopened = new SqliteWorkloadCatalog(_directory.Path);
        Assert.Equal(1, (await reopened.GetDatasetAsync("churn"))!.TotalRows);
    }

    private static DatasetRow Row(double a, double b, string label) => new([a, b], label);

    private static ModelDefinition Model() => new(
        "m1", "Churn model", "churn", TaskType.Classification, new PromotionPolicy("accuracy", 0.01),
        new DriftPolicy("accuracy", 0.05, 0.3, TimeSpan.FromMinutes(10), 100), Now);

    private Task<ModelDefinition> RegisterAsync() => _catalog.WriteAsync(w => w.RegisterModel(Model()));

    private static NewModelVersion NewVersion(string job, double accuracy) =>
        new("m1", job, "logistic-regression", 1, new Dictionary<string, double> { ["accuracy"] = accuracy }, $"m1/{job}", Now, 0.5);
}
