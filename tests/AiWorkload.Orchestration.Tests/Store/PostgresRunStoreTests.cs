using AiWorkload.Orchestration.Runs;
using AiWorkload.Orchestration.Store;
using AiWorkload.Storage.Postgres.Runs;
using AiWorkload.Testing;
using Npgsql;

namespace AiWorkload.Orchestration.Tests.Store;

/// <summary>
/// The run store contract on a database of its own per test, plus what sharing it between processes takes: every
/// "process" here is a store instance on a data source of its own, as separate orchestrator replicas would have.
/// </summary>
public sealed class PostgresRunStoreTests : RunStoreContract
{
    private readonly List<NpgsqlDataSource> _dataSources = [];
    private PostgresDatabase? _database;

    protected override async Task<IRunStore> CreateStoreAsync()
    {
        _database = await PostgresServer.CreateDatabaseAsync();
        return OpenStore();
    }

    protected override Task<IRunStore> OpenAgainAsync() => Task.FromResult<IRunStore>(OpenStore());

    protected override async Task CleanUpAsync()
    {
        // Connections go back before the database is dropped.
        foreach (var dataSource in _dataSources)
        {
            await dataSource.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    [Fact]
    public async Task The_constructor_touches_nothing_and_the_first_call_creates_the_tables_in_their_own_schema()
    {
        await using var unreachable = NpgsqlDataSource.Create("Host=127.0.0.1;Port=1;Username=nobody;Timeout=2");
        var offline = new PostgresRunStore(unreachable);
        var admin = OpenDataSource();
        Assert.Empty(await TablesAsync(admin));

        Assert.False(await Store.IsProcessedAsync("k"));

        Assert.Equal(["decisions", "outbox", "processed", "runs", "schedules"], await TablesAsync(admin));
        await using var publicTables = admin.CreateCommand("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = 'public'");
        Assert.Equal(0L, await publicTables.ExecuteScalarAsync());
        await Assert.ThrowsAnyAsync<NpgsqlException>(() => offline.IsProcessedAsync("k"));
    }

    [Fact]
    public async Task A_failed_schema_creation_is_tried_again_on_the_next_call()
    {
        // A view where the runs table belongs: CREATE TABLE IF NOT EXISTS passes, indexing it fails.
        var admin = OpenDataSource();
        await ExecuteAsync(admin, "CREATE SCHEMA aiworkload_orchestration; CREATE VIEW aiworkload_orchestration.runs AS SELECT 1 AS run_id");

        await Assert.ThrowsAsync<PostgresException>(() => Store.IsProcessedAsync("k"));
        await Assert.ThrowsAsync<PostgresException>(() => Store.CommitAsync(new RunChangeSet("k", Now)));
        await ExecuteAsync(admin, "DROP VIEW aiworkload_orchestration.runs");

        Assert.Equal(CommitResult.Committed, (await Store.CommitAsync(new RunChangeSet("k", Now) { Runs = [new RunWrite(Run("r1"), null)] })).Result);
        Assert.Equal("r1", (await Store.GetRunAsync("r1"))!.RunId);
    }

    [Fact]
    public async Task Many_processes_creating_the_schema_at_once_all_succeed()
    {
        var stores = Enumerable.Range(0, 8).Select(_ => OpenStore()).ToList();
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var starting = stores.Select((store, i) => Task.Run(async () =>
        {
            await start.Task;
            return await store.CommitAsync(new RunChangeSet($"k{i}", Now) { Runs = [new RunWrite(Run($"r{i}"), null)] });
        })).ToList();
        start.SetResult();
        var results = await Task.WhenAll(starting);

        Assert.All(results, r => Assert.Equal(CommitResult.Committed, r.Result));
        Assert.Equal(8, (await stores[0].QueryRunsAsync(new RunQuery())).Total);
    }

    [Fact]
    public async Task Times_keep_microseconds_which_is_what_timestamptz_holds()
    {
        var at = Now.AddTicks(7);
        await Store.CommitAsync(new RunChangeSet("k", at) { Outbox = [Entry("a")] });

        Assert.Equal(Now.UtcTicks, (await Store.GetPendingOutboxAsync(1)).Single().CreatedAt.UtcTicks);
    }

    [Fact]
    public async Task One_message_committed_by_two_processes_at_once_commits_once()
    {
        var (a, b) = await TwoProcessesAsync();
        var stores = new[] { a, b };
        var admin = OpenDataSource();
        for (var round = 0; round < 20; round++)
        {
            var changes = new[] { Change($"msg-{round}", $"a-{round}"), Change($"msg-{round}", $"b-{round}") };
            // Half the rounds queue both commits behind a lock so that they meet in the database; the rest race freely.
            await using var tableLock = round % 2 == 0 ? await TableLock.TakeAsync(admin, "processed") : null;
            var commits = new[] { Task.Run(() => a.CommitAsync(changes[0])), Task.Run(() => b.CommitAsync(changes[1])) };
            if (tableLock is not null)
            {
                await tableLock.ReleaseWhenWaitedOnAsync(2);
            }

            var results = await Task.WhenAll(commits);

            var winner = Assert.Single(Enumerable.Range(0, 2), i => results[i].Result == CommitResult.Committed);
            var loser = 1 - winner;
            Assert.Contains(results[loser].Result, new[] { CommitResult.Duplicate, CommitResult.Conflict });
            // The coordinator answers a conflict by trying again, which finds the key.
            Assert.Equal(CommitResult.Duplicate, (await stores[loser].CommitAsync(changes[loser])).Result);
            Assert.NotNull(await a.GetRunAsync(changes[winner].Runs[0].Run.RunId));
            Assert.Null(await a.GetRunAsync(changes[loser].Runs[0].Run.RunId));
            Assert.Equal([changes[winner].Runs[0].Run.RunId], (await b.GetPendingOutboxAsync(1, results[winner].OutboxIds)).Select(e => e.MessageId));
        }

        Assert.Equal(20, (await b.GetOutboxBacklogAsync()).Count);
        Assert.Equal(20, (await a.QueryRunsAsync(new RunQuery())).Total);
    }

    [Fact]
    public async Task Two_processes_starting_runs_of_one_flight_key_at_once_start_one()
    {
        var (a, b) = await TwoProcessesAsync();
        var admin = OpenDataSource();
        for (var round = 0; round < 10; round++)
        {
            await using var tableLock = await TableLock.TakeAsync(admin, "runs");
            var commits = new[]
            {
                Task.Run(() => a.CommitAsync(new RunChangeSet($"a-{round}", Now) { Runs = [new RunWrite(Run($"a-{round}", flightKey: "model"), null)] })),
                Task.Run(() => b.CommitAsync(new RunChangeSet($"b-{round}", Now) { Runs = [new RunWrite(Run($"b-{round}", flightKey: "model"), null)] })),
            };
            await tableLock.ReleaseWhenWaitedOnAsync(2);

            var results = await Task.WhenAll(commits);

            Assert.Equal([CommitResult.Committed, CommitResult.Conflict], results.Select(r => r.Result).Order());
            var winner = Assert.Single(await b.GetActiveRunsAsync("m"));
            Assert.Equal(results[0].Result == CommitResult.Committed ? $"a-{round}" : $"b-{round}", winner.RunId);
            var run = (await a.GetRunAsync(winner.RunId))!;
            run.State = RunState.Succeeded;
            Assert.Equal(CommitResult.Committed, (await a.CommitAsync(new RunChangeSet($"end-{round}", Now) { Runs = [new RunWrite(run, run.Version)] })).Result);
        }

        Assert.Equal(10, (await a.QueryRunsAsync(new RunQuery())).Total);
    }

    [Fact]
    public async Task A_write_from_a_process_that_read_a_stale_version_conflicts()
    {
        var (a, b) = await TwoProcessesAsync();
        await a.CommitAsync(new RunChangeSet("create", Now) { Runs = [new RunWrite(Run("r1"), null)] });
        var readByB = (await b.GetRunAsync("r1"))!;
        var readByA = (await a.GetRunAsync("r1"))!;
        readByA.State = RunState.Running;
        await a.CommitAsync(new RunChangeSet("start", Now) { Runs = [new RunWrite(readByA, readByA.Version)] });

        readByB.State = RunState.Cancelled;
        var stale = await b.CommitAsync(new RunChangeSet("cancel", Now) { Runs = [new RunWrite(readByB, readByB.Version)], Outbox = [Entry("cancelled")] });

        Assert.Equal(CommitResult.Conflict, stale.Result);
        Assert.Equal((RunState.Running, 2L), ((await b.GetRunAsync("r1"))!.State, (await b.GetRunAsync("r1"))!.Version));
        Assert.False(await a.IsProcessedAsync("cancel"));
        Assert.Empty(await a.GetPendingOutboxAsync(10));

        // Both writing the same version at the same moment: the one that waited finds it changed.
        var x = (await a.GetRunAsync("r1"))!;
        var y = (await b.GetRunAsync("r1"))!;
        x.State = RunState.Succeeded;
        y.State = RunState.Failed;
        await using var tableLock = await TableLock.TakeAsync(OpenDataSource(), "runs");
        var commits = new[]
        {
            Task.Run(() => a.CommitAsync(new RunChangeSet("x", Now) { Runs = [new RunWrite(x, x.Version)] })),
            Task.Run(() => b.CommitAsync(new RunChangeSet("y", Now) { Runs = [new RunWrite(y, y.Version)] })),
        };
        await tableLock.ReleaseWhenWaitedOnAsync(2);
        var results = await Task.WhenAll(commits);

        Assert.Equal([CommitResult.Committed, CommitResult.Conflict], results.Select(r => r.Result).Order());
        var final = (await a.GetRunAsync("r1"))!;
        Assert.Equal(results[0].Result == CommitResult.Committed ? RunState.Succeeded : RunState.Failed, final.State);
        Assert.Equal(3, final.Version);
    }

    [Fact]
    public async Task Processes_updating_one_run_at_once_lose_no_update()
    {
        var (a, b) = await TwoProcessesAsync();
        await a.CommitAsync(new RunChangeSet("create", Now) { Runs = [new RunWrite(Run("counter"), null)] });
        const int PerWorker = 10;

        // Two workers per process, each doing what the coordinator does: read, change, commit, and on a conflict start over.
        var ids = await Task.WhenAll(new[] { (a, "a1"), (a, "a2"), (b, "b1"), (b, "b2") }.Select(worker => Task.Run(async () =>
        {
            var committed = new List<long>();
            for (var i = 0; i < PerWorker; i++)
            {
                while (true)
                {
                    var run = (await worker.Item1.GetRunAsync("counter"))!;
                    run.History.Add(new RunHistoryEntry(Now, worker.Item2, i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
                    var outcome = await worker.Item1.CommitAsync(new RunChangeSet($"{worker.Item2}-{i}", Now)
                    {
                        Runs = [new RunWrite(run, run.Version)],
                        Outbox = [Entry($"{worker.Item2}-{i}")],
                    });
                    if (outcome.Result == CommitResult.Committed)
                    {
                        committed.AddRange(outcome.OutboxIds);
                        break;
                    }

                    Assert.Equal(CommitResult.Conflict, outcome.Result);
                }
            }

            return committed;
        })));

        var counter = (await b.GetRunAsync("counter"))!;
        Assert.Equal(4 * PerWorker, counter.History.Count);
        Assert.Equal(4 * PerWorker, counter.History.Select(h => (h.Activity, h.Status)).Distinct().Count());
        Assert.Equal(4 * PerWorker + 1, counter.Version);
        var pending = await a.GetPendingOutboxAsync(100);
        Assert.Equal(ids.SelectMany(i => i).Order(), pending.Select(e => e.Id));
        Assert.Equal(pending.Select(e => e.Id).Order(), pending.Select(e => e.Id));
    }

    private async Task<(IRunStore A, IRunStore B)> TwoProcessesAsync()
    {
        var b = OpenStore();
        // Both create the schema first, so what follows measures commits rather than the schema's lock.
        await Store.IsProcessedAsync("warm-up");
        await b.IsProcessedAsync("warm-up");
        return (Store, b);
    }

    private static RunChangeSet Change(string dedupeKey, string runId) =>
        new(dedupeKey, Now) { Runs = [new RunWrite(Run(runId), null)], Outbox = [Entry(runId)] };

    private static async Task<List<string>> TablesAsync(NpgsqlDataSource dataSource)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'aiworkload_orchestration' ORDER BY table_name");
        await using var reader = await command.ExecuteReaderAsync();
        var tables = new List<string>();
        while (await reader.ReadAsync())
        {
            tables.Add(reader.GetString(0));
        }

        return tables;
    }

    private static async Task ExecuteAsync(NpgsqlDataSource dataSource, string sql)
    {
        await using var command = dataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }

    private PostgresRunStore OpenStore() => new(OpenDataSource());

    private NpgsqlDataSource OpenDataSource()
    {
        var dataSource = NpgsqlDataSource.Create(_database!.ConnectionString);
        _dataSources.Add(dataSource);
        return dataSource;
    }
}
