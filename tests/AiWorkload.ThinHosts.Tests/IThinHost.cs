namespace AiWorkload.ThinHosts.Tests;

/// <summary>What a test needs of any <see cref="ThinHost{TProgram}"/>, whichever host's Program it runs.</summary>
public interface IThinHost : IAsyncDisposable
{
    IServiceProvider Services { get; }

    HttpClient CreateClient();
}
