using AiWorkload.ServiceDefaults.Security;
using Yarp.ReverseProxy.Configuration;

namespace AiWorkload.Api.Gateway;

/// <summary>
/// The routes the api forwards, so one address serves the whole product as Standalone does: predictions to the retraining
/// service, runs, pipelines and policy decisions to the orchestrator. Destinations are service names that service
/// discovery resolves (<c>services:retraining:http:0</c>, set by the AppHost's references or by configuration).
/// </summary>
internal static class GatewayRoutes
{
    public const string RetrainingCluster = "retraining";
    public const string OrchestratorCluster = "orchestrator";

    private static readonly string[] Reads = [HttpMethods.Get, HttpMethods.Head];
    private static readonly string[] Writes = [HttpMethods.Post, HttpMethods.Put, HttpMethods.Delete, HttpMethods.Patch];

    public static IReadOnlyList<RouteConfig> Routes { get; } =
    [
        // Predicting changes nothing, so it needs the read scope, as on the retraining service itself.
        Route("predict", RetrainingCluster, "/api/models/{modelId}/predict", [HttpMethods.Post], ApiKeyDefaults.ReadPolicy),
        .. Both("runs", OrchestratorCluster, "/api/runs/{**rest}"),
        .. Both("pipelines", OrchestratorCluster, "/api/pipelines/{**rest}"),
        Route("decisions", OrchestratorCluster, "/api/decisions", Reads, ApiKeyDefaults.ReadPolicy),
    ];

    public static IReadOnlyList<ClusterConfig> Clusters { get; } =
    [
        Cluster(RetrainingCluster),
        Cluster(OrchestratorCluster),
    ];

    // The gateway authorizes as strictly as the service behind it: otherwise a caller the api refuses (no key, not on
    // this machine) would reach the service from the api's loopback address.
    private static RouteConfig[] Both(string name, string cluster, string path) =>
    [
        Route(name + "-read", cluster, path, Reads, ApiKeyDefaults.ReadPolicy),
        Route(name + "-write", cluster, path, Writes, ApiKeyDefaults.WritePolicy),
    ];

    private static RouteConfig Route(string id, string cluster, string path, IReadOnlyList<string> methods, string policy) => new()
    {
        RouteId = id,
        ClusterId = cluster,
        AuthorizationPolicy = policy,
        RateLimiterPolicy = ApiKeyDefaults.RateLimitPolicy,
        Match = new RouteMatch { Path = path, Methods = methods },
    };

    private static ClusterConfig Cluster(string service) => new()
    {
        ClusterId = service,
        Destinations = new Dictionary<string, DestinationConfig> { [service] = new() { Address = $"http://{service}" } },
    };
}
