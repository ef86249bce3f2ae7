using System.Data.Common;
using AiWorkload.Catalog.Datasets;
using AiWorkload.Catalog.Idempotency;
using AiWorkload.Catalog.Models;
using AiWorkload.Messaging.Outbox;
using static AiWorkload.Catalog.Tests.CatalogSamples;

namespace AiWorkload.Catalog.Tests;

/// <summary>
/// What every <see cref="IWorkloadCatalog"/> must do, whatever stores it: each implementation's test class derives from
/// this one, so the services see the same catalog in one process on SQLite and across processes on PostgreSQL.
/// </summary>
public abstract class WorkloadCatalogContract : IAsyncLifetime
{
    private IWorkloadCatalog? _catalog;

    protected IWorkloadCatalog Catalog => _catalog ?? throw new InvalidOperationException("The catalog is created in InitializeAsync.");

    public async Task InitializeAsync() => _catalog = await CreateCatalogAsync();

    public Task DisposeAsync() => DisposeCatalogAsync();

    /// <summary>A fresh, empty catalog of its own for one test.</summary>
    protected abstract Task<IWorkloadCatalog> CreateCatalogAsync();

    /// <summary>Releases the catalog and removes everything it stored, where that needs I/O (else Dispose does it).</summary>
    protected virtual Task DisposeCatalogAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_fresh_catalog_is_empty_and_reads_need_no_write_first()
    {
        Assert.Empty(await Catalog.ListDatasetsAsync());
        Assert.Empty(await Catalog.ListModelsAsync());
        Assert.Empty(await Catalog.GetVersionsAsync("m1"));
        Assert.Empty(await Catalog.GetUnpublishedAsync(10));
        Assert.Null(await Catalog.GetDatasetAsync("churn"));
        Assert.Null(await Catalog.GetModelAsync("m1"));
        Assert.Null(await Catalog.GetPromotedVersionAsync("m1"));
        Assert.Null(await Catalog.GetVersionByJobAsync("m1", "job-1"));
        Assert.Equal(0, await Catalog.CountRowsAfterAsync("churn", 0));
    }

    [Fact]
    public async Task Appended_batches_are_versioned_and_snapshots_are_repeatable()
    {
        await Catalog.WriteAsync(w => w.CreateDataset(Churn));
        var first = await Catalog.WriteAsync(w => w.AppendRows("churn", "b1", [Row(30, 10, "no"), Row(40, 90, "yes")]));
        var second = await Catalog.WriteAsync(w => w.AppendRows("churn", "b2", [Row(50, 5, "no")]));

        Assert.Equal((2, 2L, 1L), (first.RowsAdded, first.TotalRows, first.DataVersion));
        Assert.Equal((1, 3L, 2L), (second.RowsAdded, second.TotalRows, second.DataVersion));
        Assert.Equal(2, (await Catalog.ReadDatasetAsync("churn", upToVersion: 1)).Rows.Count);
        var all = await Catalog.ReadDatasetAsync("churn");
        Assert.Equal(2, all.DataVersion);
        Assert.Equal(Churn, all.Definition with { Features = Churn.Features }); // the feature list is a new instance
        Assert.Equal(Churn.Features, all.Definition.Features);
        Assert.Equal([30.0, 10.0], all.Rows[0].Features);
        Assert.Equal(["no", "yes", "no"], all.Rows.Select(r => r.Label));
        Assert.Equal(1, await Catalog.CountRowsAfterAsync("churn", 1));
        Assert.Equal(3, await Catalog.CountRowsAfterAsync("churn", 0));
        Assert.Equal(0, await Catalog.CountRowsAfterAsync("churn", 2));
    }

    [Fact]
    public async Task A_snapshot_past_the_current_version_is_the_current_one_and_version_zero_is_empty()
    {
        await Catalog.WriteAsync(w => w.CreateDataset(Churn));
        await Catalog.WriteAsync(w => w.AppendRows("churn", "b1", [Row(1, 2, "no")]));

        var ahead = await Catalog.ReadDatasetAsync("churn", upToVersion: 99);
        var empty = await Catalog.ReadDatasetAsync("churn", upToVersion: 0);

        Assert.Equal((1L, 1), (ahead.DataVersion, ahead.Rows.Count));
        Assert.Equal((0L, 0), (empty.DataVersion, empty.Rows.Count));
        var stats = await Catalog.GetDatasetAsync("churn");
        Assert.Equal((1L, 1L), (stats!.TotalRows, stats.DataVersion));
    }

    [Fact]
    public async Task Features_and_labels_come_back_bit_for_bit()
    {
        double[] features = [0.1, -0.0, double.Epsilon, double.MaxValue, double.NegativeInfinity, double.NaN, 1e-300, 12345.678901234567];
        var definition = new DatasetDefinition("wide", [.. features.Select((_, i) => $"f{i}")], "label", LabelKind.Numeric);
        await Catalog.WriteAsync(w => w.CreateDataset(definition));
        await Catalog.WriteAsync(w => w.AppendRows("wide", "b1", [new DatasetRow(features, "-1.5E-07"), new DatasetRow(features, "ünïcødé ✓")]));

        var rows = (await Catalog.ReadDatasetAsync("wide")).Rows;

        Assert.Equal(features.Select(BitConverter.DoubleToInt64Bits), rows[0].Features.Select(BitConverter.DoubleToInt64Bits));
        Assert.Equal(["-1.5E-07", "ünïcødé ✓"], rows.Select(r => r.Label));
    }

    [Fact]
    public async Task A_repeated_batch_id_adds_nothing_and_returns_the_original_outcome()
    {
        await Catalog.WriteAsync(w => w.CreateDataset(Churn));
        await Catalog.WriteAsync(w => w.AppendRows("churn", "b1", [Row(1, 2, "no")]));
        await Catalog.WriteAsync(w => w.AppendRows("churn", "b2", [Row(3, 4, "yes")]));
        var again = await Catalog.WriteAsync(w => w.AppendRows("churn", "b1", [Row(1, 2, "no"), Row(5, 6, "no")]));

        Assert.Equal(new DatasetBatch("churn", "b1", 1, 1, 1, AlreadyStored: true), again);
        Assert.Equal(2, (await Catalog.ReadDatasetAsync("churn")).Rows.Count);
        Assert.Equal(2, (await Catalog.GetDatasetAsync("churn"))!.DataVersion);
    }

    [Fact]
    public async Task Recreating_a_dataset_is_idempotent_but_a_new_schema_is_a_conflict()
    {
        await Catalog.WriteAsync(w => w.CreateDataset(Churn));
        var again = await Catalog.WriteAsync(w => w.CreateDataset(Churn with { Features = ["age", "spend"] }));
        var conflict = await Assert.ThrowsAsync<CatalogConflictException>(() => Catalog.WriteAsync(w => w.CreateDataset(Churn with { Label = "other" })));

        Assert.True(again.SameSchemaAs(Churn));
        Assert.Equal("Dataset 'churn' already exists with another schema.", conflict.Message);
        Assert.Equal("churned", (await Catalog.GetDatasetAsync("churn"))!.Definition.Label);
    }

    [Fact]
    public async Task Missing_datasets_models_and_versions_are_reported_by_name()
    {
        var append = await Assert.ThrowsAsync<CatalogNotFoundException>(() => Catalog.WriteAsync(w => w.AppendRows("nope", "b1", [Row(1, 2, "no")])));
        var read = await Assert.ThrowsAsync<CatalogNotFoundException>(() => Catalog.ReadDatasetAsync("nope"));
        var version = await Assert.ThrowsAsync<CatalogNotFoundException>(() => Catalog.WriteAsync(w => w.AddVersion(NewVersion("job-1", 0.8))));
        await Catalog.WriteAsync(w => w.RegisterModel(Model()));
        var status = await Assert.ThrowsAsync<CatalogNotFoundException>(() => Catalog.WriteAsync(w => w.SetVersionStatus("m1", 7, VersionStatus.Rejected, "no such version")));

        Assert.Equal("Dataset 'nope' does not exist.", append.Message);
        Assert.Equal("Dataset 'nope' does not exist.", read.Message);
        Assert.Equal("Model 'm1' is not registered.", version.Message);
        Assert.Equal("Model 'm1' has no version 7.", status.Message);
    }

    [Fact]
    public async Task A_failing_transaction_stores_nothing()
    {
        await Catalog.WriteAsync(w => w.CreateDataset(Churn));
        await Assert.ThrowsAsync<InvalidOperationException>(() => Catalog.WriteAsync<bool>(w =>
        {
            w.AppendRows("churn", "b1", [Row(1, 2, "no")]);
            w.Enqueue(new OutboxEntry("e1", "DataIngested", "{}", Now));
            throw new InvalidOperationException("crash between the write and the publish");
        }));

        Assert.Empty((await Catalog.ReadDatasetAsync("churn")).Rows);
        Assert.Empty(await Catalog.GetUnpublishedAsync(10));
    }

    [Fact]
    public async Task A_unit_of_work_that_fails_after_every_kind_of_write_leaves_nothing_behind()
    {
        await Assert.ThrowsAsync<InvalidOperationException>(() => Catalog.WriteAsync<bool>(w =>
        {
            w.CreateDataset(Churn);
            w.AppendRows("churn", "b1", [Row(1, 2, "no")]);
            w.RegisterModel(Model());
            w.AddVersion(NewVersion("job-1", 0.8));
            w.SetVersionStatus("m1", 1, VersionStatus.Promoted, "first version");
            w.Enqueue(new OutboxEntry("e1", "DataIngested", "{}", Now));
            w.SaveIdempotentResponse(new IdempotentResponse("key-1", "hash", 201, null, "{}", Now));
            throw new InvalidOperationException("the process died before committing");
        }));

        Assert.Null(await Catalog.GetDatasetAsync("churn"));
        Assert.Empty(await Catalog.ListModelsAsync());
        Assert.Empty(await Catalog.GetVersionsAsync("m1"));
        Assert.Empty(await Catalog.GetUnpublishedAsync(10));
        Assert.Null(await Catalog.GetIdempotentResponseAsync("key-1"));

        // Nothing half-done blocks doing it again for real.
        await Catalog.WriteAsync(w => w.CreateDataset(Churn));
        Assert.Equal(1, (await Catalog.WriteAsync(w => w.AppendRows("churn", "b1", [Row(1, 2, "no")]))).DataVersion);
    }

    [Fact]
    public async Task Versions_are_numbered_per_model_and_a_job_never_creates_a_second_one()
    {
        await RegisterAsync();
        var v1 = await Catalog.WriteAsync(w => w.AddVersion(NewVersion("job-1", 0.8)));
        var again = await Catalog.WriteAsync(w => w.AddVersion(NewVersion("job-1", 0.9)));
        var v2 = await Catalog.WriteAsync(w => w.AddVersion(NewVersion("job-2", 0.9)));
        await Catalog.WriteAsync(w => w.RegisterModel(Model("m2")));
        var other = await Catalog.WriteAsync(w => w.AddVersion(NewVersion("job-1", 0.7) with { ModelId = "m2" }));

        Assert.Equal(1, v1.Version);
        Assert.Equal((1, 0.8), (again.Version, again.Metrics["accuracy"])); // the first recording wins
        Assert.Equal(2, v2.Version);
        Assert.Equal(1, other.Version);
        Assert.Equal(2, (await Catalog.GetVersionsAsync("m1")).Count);
        Assert.Equal(1, (await Catalog.GetVersionByJobAsync("m1", "job-1"))!.Version);
    }

    [Fact]
    public async Task A_version_keeps_everything_it_was_recorded_with()
    {
        await RegisterAsync();
        var trainedAt = new DateTimeOffset(2026, 5, 1, 14, 30, 15, 123, TimeSpan.FromHours(2));
        var recorded = new NewModelVersion("m1", "job-1", "gbm", 42, new Dictionary<string, double> { ["accuracy"] = 0.91, ["f1"] = 1.0 / 3 }, "m1/job-1/model.bin", trainedAt, 12.75);

        var added = await Catalog.WriteAsync(w => w.AddVersion(recorded));
        var read = Assert.Single(await Catalog.GetVersionsAsync("m1"));

        foreach (var version in new[] { added, read })
        {
            Assert.Equal(("m1", 1, "job-1", "gbm", 42L), (version.ModelId, version.Version, version.JobId, version.Trainer, version.DataVersion));
            Assert.Equal(recorded.Metrics, version.Metrics);
            Assert.Equal(("m1/job-1/model.bin", trainedAt, 12.75), (version.ArtifactKey, version.TrainedAt, version.TrainingSeconds));
            Assert.Equal((VersionStatus.Candidate, (string?)null), (version.Status, version.Decision));
        }
    }

    [Fact]
    public async Task Promoting_a_version_retires_the_previous_one()
    {
        await RegisterAsync();
        await Catalog.WriteAsync(w => w.AddVersion(NewVersion("job-1", 0.8)));
        await Catalog.WriteAsync(w => w.AddVersion(NewVersion("job-2", 0.9)));
        await Catalog.WriteAsync(w => w.SetVersionStatus("m1", 1, VersionStatus.Promoted, "first version"));
        var promoted = await Catalog.WriteAsync(w => w.SetVersionStatus("m1", 2, VersionStatus.Promoted, "0.9 > 0.8"));

        var versions = await Catalog.GetVersionsAsync("m1");
        Assert.Equal([VersionStatus.Retired, VersionStatus.Promoted], versions.Select(v => v.Status));
        Assert.Equal((2, VersionStatus.Promoted, "0.9 > 0.8"), (promoted.Version, promoted.Status, promoted.Decision));
        Assert.Equal(2, (await Catalog.GetPromotedVersionAsync("m1"))!.Version);
        Assert.Equal("first version", versions[0].Decision);
        Assert.Equal("0.9 > 0.8", versions[1].Decision);
        Assert.Equal(0.9, versions[1].Metrics["accuracy"]);
    }

    [Fact]
    public async Task Rejecting_a_candidate_leaves_the_promoted_version_alone()
    {
        await RegisterAsync();
        await Catalog.WriteAsync(w => w.AddVersion(NewVersion("job-1", 0.8)));
        await Catalog.WriteAsync(w => w.AddVersion(NewVersion("job-2", 0.7)));
        await Catalog.WriteAsync(w => w.SetVersionStatus("m1", 1, VersionStatus.Promoted, "first version"));
        await Catalog.WriteAsync(w => w.SetVersionStatus("m1", 2, VersionStatus.Rejected, "0.7 < 0.8"));
        await Catalog.WriteAsync(w => w.SetVersionStatus("m1", 1, VersionStatus.Promoted, "promoted again"));

        Assert.Equal([VersionStatus.Promoted, VersionStatus.Rejected], (await Catalog.GetVersionsAsync("m1")).Select(v => v.Status));
        Assert.Equal("promoted again", (await Catalog.GetPromotedVersionAsync("m1"))!.Decision);
    }

    [Fact]
    public async Task Registering_a_model_twice_with_another_definition_is_a_conflict()
    {
        await RegisterAsync();
        var again = await Catalog.WriteAsync(w => w.RegisterModel(Model() with { RegisteredAt = Now.AddDays(1) }));
        var conflict = await Assert.ThrowsAsync<CatalogConflictException>(() => Catalog.WriteAsync(w => w.RegisterModel(Model() with { DatasetId = "other" })));

        Assert.Equal(Now, again.RegisteredAt); // the stored registration, not the repeated one
        Assert.Equal("Model 'm1' is already registered with another definition.", conflict.Message);
        Assert.Equal(Model(), Assert.Single(await Catalog.ListModelsAsync()));
    }

    [Fact]
    public async Task Lists_are_ordered_by_id_in_code_point_order()
    {
        foreach (var id in new[] { "b", "a", "B", "a-2", "a_1" })
        {
            await Catalog.WriteAsync(w => w.CreateDataset(Churn with { DatasetId = id }));
            await Catalog.WriteAsync(w => w.RegisterModel(Model(id)));
        }

        string[] ordinal = ["B", "a", "a-2", "a_1", "b"];
        Assert.Equal(ordinal, (await Catalog.ListDatasetsAsync()).Select(d => d.Definition.DatasetId));
        Assert.Equal(ordinal, (await Catalog.ListModelsAsync()).Select(m => m.ModelId));
    }

    [Fact]
    public async Task Outbox_entries_stay_pending_until_marked_sent()
    {
        await Catalog.WriteAsync(w =>
        {
            w.Enqueue(new OutboxEntry("a", "T", "{1}", Now));
            w.Enqueue(new OutboxEntry("b", "T", "{2}", Now.AddSeconds(1)));
            return true;
        });
        Assert.Equal(["a", "b"], (await Catalog.GetUnpublishedAsync(10)).Select(e => e.Id));

        await Catalog.MarkPublishedAsync(new OutboxEntry("a", "T", "{1}", Now), Now);

        Assert.Equal("b", Assert.Single(await Catalog.GetUnpublishedAsync(10)).Id);
    }

    [Fact]
    public async Task The_outbox_hands_out_the_oldest_entries_first_and_ignores_a_repeated_entry()
    {
        var earlier = new DateTimeOffset(2026, 5, 1, 2, 0, 0, TimeSpan.FromHours(3)); // 23:00 UTC the day before
        await Catalog.WriteAsync(w =>
        {
            w.Enqueue(new OutboxEntry("c", "T", "{c}", Now));
            w.Enqueue(new OutboxEntry("b", "T", "{b}", Now));
            w.Enqueue(new OutboxEntry("z", "T", "{z}", earlier));
            return true;
        });
        await Catalog.WriteAsync(w => { w.Enqueue(new OutboxEntry("b", "Other", "{b again}", Now.AddHours(-5))); return true; });

        var pending = await Catalog.GetUnpublishedAsync(10);
        var firstTwo = await Catalog.GetUnpublishedAsync(2);
        var unlimited = await Catalog.GetUnpublishedAsync(-1); // as SQLite reads a negative LIMIT
        foreach (var id in new[] { "z", "c", "unknown" })
        {
            await Catalog.MarkPublishedAsync(new OutboxEntry(id, "T", "{}", Now), Now);
        }

        Assert.Equal(["z", "b", "c"], pending.Select(e => e.Id));
        Assert.Equal(new OutboxEntry("b", "T", "{b}", Now), pending[1]);
        Assert.Equal(earlier, pending[0].CreatedAt);
        Assert.Equal(["z", "b"], firstTwo.Select(e => e.Id));
        Assert.Equal(3, unlimited.Count);
        Assert.Equal("b", Assert.Single(await Catalog.GetUnpublishedAsync(10)).Id);
        Assert.Empty(await Catalog.GetUnpublishedAsync(0));
    }

    [Fact]
    public async Task Idempotent_responses_are_stored_and_read_back()
    {
        var response = new IdempotentResponse("key-1", "hash", 202, "/runs/1", "{\"id\":1}", Now);
        var withoutLocation = new IdempotentResponse("key-3", "hash-3", 422, null, "{}", Now.AddMinutes(1));
        await Catalog.WriteAsync(w => { w.SaveIdempotentResponse(response); w.SaveIdempotentResponse(withoutLocation); return true; });

        Assert.Equal(response, await Catalog.GetIdempotentResponseAsync("key-1"));
        Assert.Equal(withoutLocation, await Catalog.GetIdempotentResponseAsync("key-3"));
        Assert.Null(await Catalog.GetIdempotentResponseAsync("key-2"));
    }

    [Fact]
    public async Task A_reused_idempotency_key_fails_its_whole_unit_and_keeps_the_first_answer()
    {
        var first = new IdempotentResponse("key-1", "hash", 201, "/datasets/churn", "{\"first\":true}", Now);
        await Catalog.WriteAsync(w => w.CreateDataset(Churn));
        await Catalog.WriteAsync(w => { w.SaveIdempotentResponse(first); return true; });

        // Callers rely on this failing with a storage error (not a catalog conflict): they then replay the stored answer.
        await Assert.ThrowsAnyAsync<DbException>(() => Catalog.WriteAsync(w =>
        {
            w.AppendRows("churn", "b1", [Row(1, 2, "no")]);
            w.Enqueue(new OutboxEntry("e1", "DataIngested", "{}", Now));
            w.SaveIdempotentResponse(first with { Body = "{\"second\":true}" });
            return true;
        }));

        Assert.Equal(first, await Catalog.GetIdempotentResponseAsync("key-1"));
        Assert.Empty((await Catalog.ReadDatasetAsync("churn")).Rows);
        Assert.Empty(await Catalog.GetUnpublishedAsync(10));
    }

    private Task<ModelDefinition> RegisterAsync() => Catalog.WriteAsync(w => w.RegisterModel(Model()));
}
