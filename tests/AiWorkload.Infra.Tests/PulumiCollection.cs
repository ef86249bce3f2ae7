// Targets Pulumi 3.114.2 (Pulumi.Testing); see Directory.Packages.props.
namespace AiWorkload.Infra.Tests;

/// <summary>
/// Pulumi's mock deployments set a process-wide Deployment.Instance and read config from the PULUMI_CONFIG environment
/// variable, so every test that runs one belongs to this collection and runs serially.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class PulumiCollection
{
    public const string Name = "Pulumi deployments";
}
