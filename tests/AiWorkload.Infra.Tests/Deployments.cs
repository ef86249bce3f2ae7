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

    /// <summary>Meets Azure's rule (8-128 characters, three of four kinds), and holds <c>;</c> to prove the quoting.</summary>
    public const string DatabasePassword = "Pa55;word=x";

    public static StackSettings Settings(bool disableLocalAuth = false, params string[] principalIds) => new()
    {
        Location = "westeurope",
        ResourceGroupName = "rg-aiworkload-test",
        NamespaceName = "aiworkload-test-bus",
        DisableLocalAuth = disableLocalAuth,
        PrincipalIds = principalIds,
        Tags = new Dictionary<string, string> { ["application"] = "aiworkload" },
    };

    /// <summary>The workload database with its defaults and <see cref="DatabasePassword"/>, as <c>aiworkload-test-db</c>.</summary>
    public static DatabaseSettings Database() => new()
    {
        ServerName = "aiworkload-test-db",
        AdministratorPassword = Output.CreateSecret(DatabasePassword),
    };

    /// <summary>The artifact store with its defaults, as <c>aiworkloadtestart</c> (the default name for stack "test").</summary>
    public static ArtifactSettings Artifacts() => new() { AccountName = "aiworkloadtestart" };

    public static async Task<Deployed> RunAsync(TopologyModel topology, StackSettings? settings = null)
    {
        var mocks = new ServiceBusMocks();
        var (_, outputs) = await Deployment.TestAsync(mocks, Options(), () => ServiceBusStack.Build(topology, settings ?? Settings()));
        return new Deployed(mocks, outputs);
    }

    /// <summary>
    /// Runs the program as <c>pulumi up</c> does, settings included: <see cref="StackSettings.Load"/> reads
    /// <paramref name="config"/>, given as the language host passes it (the <c>PULUMI_CONFIG</c> JSON). Pass
    /// <paramref name="mocks"/> to see what was created when the program fails.
    /// </summary>
    public static async Task<Deployed> RunWithConfigAsync(TopologyModel topology, string config, ServiceBusMocks? mocks = null)
    {
        var previous = Environment.GetEnvironmentVariable("PULUMI_CONFIG");
        Environment.SetEnvironmentVariable("PULUMI_CONFIG", config);
        mocks ??= new ServiceBusMocks();
        try
        {
            var (_, outputs) = await Deployment.TestAsync(mocks, Options(), () => ServiceBusStack.Build(topology, StackSettings.Load()));
            return new Deployed(mocks, outputs);
        }
        finally
        {
            Environment.SetEnvironmentVariable("PULUMI_CONFIG", previous);
        }
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
