// Targets Pulumi 3.114.2 (Deployment.TestAsync, TestOptions, Output<T>); see Directory.Packages.props.
using System.Collections.Immutable;
using AiWorkload.Messaging.Topology;
using Pulumi;
using Pulumi.Testing;

namespace AiWorkload.Infra.Tests;

/// <summary>Runs the program against <see cref="ServiceBusMocks"/> as an update (not a preview), so every output is known.</summary>
internal static class Deployments
{
    public const string Stack = "test";

    public static StackSettings Settings(bool disableLocalAuth = false, params string[] principalIds) => new()
    {
        Location = "westeurope",
        ResourceGroupName = "rg-aiworkload-test",
        NamespaceName = "aiworkload-test-bus",
        DisableLocalAuth = disableLocalAuth,
        PrincipalIds = principalIds,
        Tags = new Dictionary<string, string> { ["application"] = "aiworkload" },
    };

    public static async Task<Deployed> RunAsync(TopologyModel topology, StackSettings? settings = null)
    {
        var mocks = new ServiceBusMocks();
        var (_, outputs) = await Deployment.TestAsync(mocks, Options(), () => ServiceBusStack.Build(topology, settings ?? Settings()));
        return new Deployed(mocks, outputs);
    }

    public static TestOptions Options() => new() { IsPreview = false, ProjectName = "aiworkload", StackName = Stack };

    /// <summary>The value an output resolved to.</summary>
    public static Task<T> GetValueAsync<T>(this Output<T> output)
    {
        var value = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        output.Apply(resolved =>
        {
            value.TrySetResult(resolved);
            return resolved;
        });
        return value.Task;
    }
}

/// <summary>What a mock deployment created, called and exported.</summary>
internal sealed record Deployed(ServiceBusMocks Mocks, IDictionary<string, object?> Outputs)
{
    public Output<T> Output<T>(string name) => Assert.IsType<Output<T>>(Outputs[name]);

    public Task<T> ValueAsync<T>(string name) => Output<T>(name).GetValueAsync();

    public async Task<IReadOnlyList<string>> NamesAsync(string name) => [.. await ValueAsync<ImmutableArray<string>>(name)];
}
