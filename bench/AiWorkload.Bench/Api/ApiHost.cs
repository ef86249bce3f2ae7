namespace AiWorkload.Bench.Api;

/// <summary>A running host and the client the load generator uses for it.</summary>
internal sealed record ApiHost(string Name, WebHostProcess Process, HttpClient Client) : IAsyncDisposable
{
    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Process.DisposeAsync();
    }
}
