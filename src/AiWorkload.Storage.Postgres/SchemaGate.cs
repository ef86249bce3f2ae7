namespace AiWorkload.Storage.Postgres;

/// <summary>
/// Runs a creation once: concurrent callers share the attempt in flight, later callers get the finished one, and a failed
/// attempt is forgotten so the next caller tries again (the database may simply not have been up yet).
/// </summary>
internal sealed class SchemaGate(Func<Task> create)
{
    private readonly Lock _lock = new();
    private Task? _creation;

    public Task EnsureAsync(CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (_creation is null || _creation.IsFaulted || _creation.IsCanceled)
            {
                // Not the caller's token: other callers share this attempt, and one caller giving up must not fail theirs.
                _creation = Task.Run(create, CancellationToken.None);
            }

            return _creation.IsCompletedSuccessfully ? Task.CompletedTask : _creation.WaitAsync(cancellationToken);
        }
    }
}
