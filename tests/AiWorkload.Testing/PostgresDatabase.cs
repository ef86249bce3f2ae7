namespace AiWorkload.Testing;

/// <summary>One test's own database on <see cref="PostgresServer"/>; disposing drops it.</summary>
public sealed class PostgresDatabase(string connectionString, Func<Task> drop) : IAsyncDisposable
{
    public string ConnectionString { get; } = connectionString;

    public async ValueTask DisposeAsync() => await drop();
}
