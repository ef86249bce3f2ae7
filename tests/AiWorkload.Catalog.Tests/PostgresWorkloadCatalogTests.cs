using System.Diagnostics;
using AiWorkload.Catalog.Datasets;
using AiWorkload.Catalog.Models;
using AiWorkload.Storage.Postgres.Catalog;
using AiWorkload.Testing;
using Npgsql;
using Xunit.Abstractions;
using static AiWorkload.Catalog.Tests.CatalogSamples;

namespace AiWorkload.Catalog.Tests;

/// <summary>
/// The contract on PostgreSQL, plus what only a shared database has to get right: several services (each its own catalog
/// on its own data source, as separate processes would have) writing the same rows at once.
/// </summary>
public sealed class PostgresWorkloadCatalogTests(ITestOutputHelper output) : WorkloadCatalogContract
{
    private readonly List<NpgsqlDataSource> _dataSources = [];
    private PostgresDatabase? _database;

    private string ConnectionString => _database?.ConnectionString ?? throw new InvalidOperationException("The database is created in InitializeAsync.");

    [Fact]
    public async Task Two_services_appending_to_one_dataset_at_once_get_distinct_consecutive_versions()
    {
        var (first, second) = (AnotherService(), AnotherService());
        await first.WriteAsync(w => w.CreateDataset(Churn));

        var batches = await Task.WhenAll(Enumerable.Range(0, 20).SelectMany(i => new[]
        {
            Task.Run(() => first.WriteAsync(w => w.AppendRows("churn", $"first-{i}", BatchRows($"first-{i}")))),
            Task.Run(() => second.WriteAsync(w => w.AppendRows("churn", $"second-{i}", BatchRows($"second-{i}")))),
        }));

        Assert.All(batches, b => Assert.False(b.AlreadyStored));
        Assert.Equal(Enumerable.Range(1, 40).Select(v => (long)v), batches.Select(b => b.DataVersion).Order());
        Assert.All(batches, b => Assert.Equal(3 * b.DataVersion, b.TotalRows)); // each saw exactly the batches before it
        Assert.Equal((120L, 40L), await first.GetDatasetAsync("churn") is { } stats ? (stats.TotalRows, stats.DataVersion) : default);

        // Row numbers follow versions: a batch's rows sit together, right after those of the versions before it.
        var rows = (await second.ReadDatasetAsync("churn")).Rows;
        Assert.Equal(120, rows.Count);
        Assert.All(batches, b => Assert.All(rows.Skip((int)b.TotalRows - 3).Take(3), r => Assert.Equal(b.BatchId, r.Label)));
        Assert.Equal(60, (await first.ReadDatasetAsync("churn", upToVersion: 20)).Rows.Count);
        Assert.Equal(60, await second.CountRowsAfterAsync("churn", 20));
    }

    [Fact]
    public async Task The_same_batch_sent_to_two_services_at_once_is_stored_once()
    {
        var (first, second) = (AnotherService(), AnotherService());
        await first.WriteAsync(w => w.CreateDataset(Churn));

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 10).SelectMany(i => new[] { first, second }.Select(service =>
            Task.Run(() => service.WriteAsync(w => w.AppendRows("churn", $"batch-{i}", BatchRows($"batch-{i}")))))));

        Assert.Equal(10, outcomes.Count(b => !b.AlreadyStored));
        Assert.All(outcomes.GroupBy(b => b.BatchId), pair => Assert.Single(pair.Select(b => (b.DataVersion, b.TotalRows)).Distinct()));
        Assert.Equal(Enumerable.Range(1, 10).Select(v => (long)v), outcomes.Select(b => b.DataVersion).Distinct().Order());
        Assert.Equal(30, (await first.ReadDatasetAsync("churn")).Rows.Count);
    }

    [Fact]
    public async Task Two_services_recording_versions_at_once_number_them_without_gaps_and_once_per_job()
    {
        var (first, second) = (AnotherService(), AnotherService());
        await first.WriteAsync(w => w.RegisterModel(Model()));

        // Both record all 20 jobs, as when a training message is redelivered to the other replica.
        var recorded = await Task.WhenAll(Enumerable.Range(0, 20).SelectMany(i => new[] { first, second }.Select(service =>
            Task.Run(() => service.WriteAsync(w => w.AddVersion(NewVersion($"job-{i}", 0.5 + (i / 100.0))))))));

        Assert.Equal(Enumerable.Range(1, 20), (await second.GetVersionsAsync("m1")).Select(v => v.Version));
        Assert.All(recorded.GroupBy(v => v.JobId), pair => Assert.Single(pair.Select(v => v.Version).Distinct()));
        Assert.Equal(20, recorded.Select(v => v.Version).Distinct().Count());
    }

    [Fact]
    public async Task Promotions_racing_in_two_services_leave_exactly_one_promoted_version()
    {
        var (first, second) = (AnotherService(), AnotherService());
        await first.WriteAsync(w => w.RegisterModel(Model()));
        for (var i = 1; i <= 10; i++)
        {
            var job = $"job-{i}";
            await first.WriteAsync(w => w.AddVersion(NewVersion(job, 0.8)));
        }

        await Task.WhenAll(Enumerable.Range(1, 10).SelectMany(version => new[] { first, second }.Select(service =>
            Task.Run(() => service.WriteAsync(w => w.SetVersionStatus("m1", version, VersionStatus.Promoted, $"promoted {version}"))))));

        var statuses = (await first.GetVersionsAsync("m1")).Select(v => v.Status).ToList();
        Assert.Single(statuses, VersionStatus.Promoted);
        Assert.Equal(9, statuses.Count(s => s == VersionStatus.Retired));
        Assert.NotNull(await second.GetPromotedVersionAsync("m1"));
    }

    [Fact]
    public async Task Services_starting_together_all_create_the_schema_and_all_of_it_lands_in_the_catalog_schema()
    {
        var services = Enumerable.Range(0, 8).Select(_ => AnotherService()).ToList();

        await Task.WhenAll(services.Select((service, i) => Task.Run(() => i % 2 == 0
            ? service.WriteAsync(w => w.CreateDataset(Churn))
            : service.ListDatasetsAsync())));

        Assert.Equal(
            ["dataset_batches", "dataset_rows", "datasets", "idempotency", "model_versions", "models", "outbox"],
            await QueryAsync("SELECT table_name::text FROM information_schema.tables WHERE table_schema = 'aiworkload_catalog' ORDER BY table_name"));
        Assert.Empty(await QueryAsync("SELECT table_name::text FROM information_schema.tables WHERE table_schema = 'public'"));
        Assert.Single(await services[^1].ListDatasetsAsync());
    }

    [Fact]
    public async Task Constructing_touches_no_database_and_a_failed_schema_creation_is_retried_on_the_next_call()
    {
        var name = new NpgsqlConnectionStringBuilder(ConnectionString).Database + "_later";
        var catalog = AnotherService(new NpgsqlConnectionStringBuilder(ConnectionString) { Database = name }.ConnectionString);
        try
        {
            var missing = await Assert.ThrowsAsync<PostgresException>(() => catalog.WriteAsync(w => w.CreateDataset(Churn)));
            Assert.Equal(PostgresErrorCodes.InvalidCatalogName, missing.SqlState);

            await QueryAsync($"CREATE DATABASE {name}");

            Assert.Equal(Churn, await catalog.WriteAsync(w => w.CreateDataset(Churn)));
            Assert.Single(await catalog.ListDatasetsAsync());
        }
        finally
        {
            await DisposeDataSourcesAsync();
            await QueryAsync($"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
        }
    }

    [Fact]
    public async Task Units_that_deadlock_are_run_again_until_both_commit()
    {
        var (first, second) = (AnotherService(), AnotherService());
        await first.WriteAsync(w => w.CreateDataset(Churn with { DatasetId = "a" }));
        await first.WriteAsync(w => w.CreateDataset(Churn with { DatasetId = "b" }));
        using var bothHoldOne = new CountdownEvent(2);
        var attempts = 0;

        // Each unit locks one dataset, waits until the other holds the other one, then asks for it: a deadlock.
        DatasetBatch AppendCrosswise(ICatalogWriter writer, string holds, string wants)
        {
            Interlocked.Increment(ref attempts);
            writer.AppendRows(holds, $"{holds}-then-{wants}", [Row(1, 2, holds)]);
            if (!bothHoldOne.IsSet)
            {
                bothHoldOne.Signal();
                bothHoldOne.Wait(TimeSpan.FromSeconds(10));
            }

            return writer.AppendRows(wants, $"{holds}-then-{wants}", [Row(3, 4, holds)]);
        }

        await Task.WhenAll(
            Task.Run(() => first.WriteAsync(w => AppendCrosswise(w, "a", "b"))),
            Task.Run(() => second.WriteAsync(w => AppendCrosswise(w, "b", "a"))));

        Assert.Equal(3, attempts); // one of them lost the deadlock and ran again
        foreach (var dataset in new[] { "a", "b" })
        {
            var snapshot = await first.ReadDatasetAsync(dataset);
            Assert.Equal((2L, 2), (snapshot.DataVersion, snapshot.Rows.Count));
            Assert.Equal(["a", "b"], snapshot.Rows.Select(r => r.Label).Order());
        }
    }

    [Fact]
    public async Task A_batch_of_100_000_rows_is_stored_and_read_back_whole()
    {
        var definition = new DatasetDefinition("big", ["f0", "f1", "f2", "f3", "f4"], "y", LabelKind.Numeric);
        var rows = Enumerable.Range(0, 100_000)
            .Select(i => new DatasetRow([i, i * 0.5, -i, i / 3.0, 1e-9 * i], (i % 7).ToString(System.Globalization.CultureInfo.InvariantCulture)))
            .ToList();
        await Catalog.WriteAsync(w => w.CreateDataset(definition));

        var clock = Stopwatch.StartNew();
        var batch = await Catalog.WriteAsync(w => w.AppendRows("big", "all", rows));
        var appended = clock.Elapsed;
        clock.Restart();
        var snapshot = await Catalog.ReadDatasetAsync("big");
        output.WriteLine($"Appended 100,000 rows in {appended.TotalMilliseconds:0} ms, read them back in {clock.Elapsed.TotalMilliseconds:0} ms.");

        Assert.Equal((100_000L, 1L), (batch.TotalRows, batch.DataVersion));
        Assert.Equal(100_000, snapshot.Rows.Count);
        foreach (var i in new[] { 0, 1, 4_999, 77_777, 99_999 })
        {
            Assert.Equal(rows[i].Features, snapshot.Rows[i].Features);
            Assert.Equal(rows[i].Label, snapshot.Rows[i].Label);
        }
    }

    protected override async Task<IWorkloadCatalog> CreateCatalogAsync()
    {
        _database = await PostgresServer.CreateDatabaseAsync();
        return AnotherService();
    }

    protected override async Task DisposeCatalogAsync()
    {
        // The data sources' pooled connections go first, then the database they point at.
        await DisposeDataSourcesAsync();
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    private static IReadOnlyList<DatasetRow> BatchRows(string batchId) => [Row(1, 2, batchId), Row(3, 4, batchId), Row(5, 6, batchId)];

    /// <summary>A catalog with its own data source, as another service process would have.</summary>
    private PostgresWorkloadCatalog AnotherService(string? connectionString = null)
    {
        var dataSource = NpgsqlDataSource.Create(connectionString ?? ConnectionString);
        _dataSources.Add(dataSource);
        return new PostgresWorkloadCatalog(dataSource);
    }

    private async Task DisposeDataSourcesAsync()
    {
        foreach (var dataSource in _dataSources)
        {
            await dataSource.DisposeAsync();
        }

        _dataSources.Clear();
    }

    private async Task<List<string>> QueryAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<string>();
        while (await reader.ReadAsync())
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }
}
