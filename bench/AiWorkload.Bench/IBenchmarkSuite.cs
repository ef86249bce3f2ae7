namespace AiWorkload.Bench;

/// <summary>A named benchmark suite; Program finds every implementation, so adding a suite is adding a file.</summary>
public interface IBenchmarkSuite
{
    string Name { get; }

    string Description { get; }

    Task<int> RunAsync(string[] args, CancellationToken cancellationToken);
}
