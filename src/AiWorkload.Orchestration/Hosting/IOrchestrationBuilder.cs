namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Returned by AddOrchestration: add activity types, pipelines and outbox message types to it.</summary>
public interface IOrchestrationBuilder
{
    IServiceCollection Services { get; }
}
