using AiWorkload.Orchestration.Store;
using AiWorkload.Testing;

namespace AiWorkload.Orchestration.Tests.Store;

/// <summary>The run store contract on a SQLite file, plus what only a file gives.</summary>
public sealed class SqliteRunStoreTests : RunStoreContract
{
    // Disposed last to first: the stores, then their directory.
    private readonly List<IDisposable> _owned = [];
    private string _directory = string.Empty;

    protected override Task<IRunStore> CreateStoreAsync()
    {
        var directory = new TemporaryDirectory();
        _owned.Add(directory);
        _directory = directory.Path;
        return Task.FromResult<IRunStore>(Open());
    }

    protected override Task<IRunStore> OpenAgainAsync() => Task.FromResult<IRunStore>(Open());

    protected override Task CleanUpAsync()
    {
        for (var i = _owned.Count - 1; i >= 0; i--)
        {
            _owned[i].Dispose();
        }

        return Task.CompletedTask;
    }

    [Fact]
    public async Task The_store_is_one_file_in_the_data_directory()
    {
        await Store.CommitAsync(new RunChangeSet("k", Now));

        Assert.True(File.Exists(Path.Combine(_directory, SqliteRunStore.FileName)));
    }

    [Fact]
    public async Task Times_keep_their_ticks()
    {
        // Ticks are what SQLite stores; PostgreSQL keeps microseconds (see its tests).
        var at = Now.AddTicks(7);
        await Store.CommitAsync(new RunChangeSet("k", at) { Outbox = [Entry("a")] });

        Assert.Equal(at.UtcTicks, (await Store.GetPendingOutboxAsync(1)).Single().CreatedAt.UtcTicks);
    }

    private SqliteRunStore Open()
    {
        var store = new SqliteRunStore(_directory);
        _owned.Add(store);
        return store;
    }
}
