// Targets Aspire.Hosting.Testing 13.5.2: DistributedApplicationTestingBuilder.CreateAsync<TEntryPoint>(CancellationToken),
// IDistributedApplicationTestingBuilder.BuildAsync, DistributedApplication.StartAsync/ResourceNotifications,
// ResourceNotificationService.WaitForResourceHealthyAsync, DistributedApplicationHostingTestingExtensions.CreateHttpClient;
// IDistributedApplicationTestingBuilder is IAsyncDisposable.
using AiWorkload.Messaging.Topology.AppModel;
using Aspire.Hosting;
using Aspire.Hosting.Testing;

namespace AiWorkload.AppHost.Tests;

/// <summary>
/// The whole product under the AppHost: the Service Bus emulator (Docker) with the generated Config.json, the three
/// services on the Azure adapter, one model taken from registration to a promoted version through the bus.
/// Needs Docker, the Aspire CLI (the AppHost uses its bundle) and the full nuget.org.
/// </summary>
[Trait("Category", "RequiresDocker")]
public sealed class AppHostEndToEndTests
{
    /// <summary>The first run pulls the emulator and SQL Server images; training itself takes seconds.</summary>
    private static readonly TimeSpan Budget = TimeSpan.FromMinutes(10);

    private static readonly string[] Resources = [ServiceBusHosting.ConnectionName, "api", "retraining", "orchestrator"];

    [Fact]
    public async Task A_retraining_request_through_the_api_ends_with_a_promoted_model_version()
    {
        using var timeout = new CancellationTokenSource(Budget);
        var cancellationToken = timeout.Token;
        await using var appHost = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AiWorkload_AppHost>(cancellationToken);
        await using var app = await appHost.BuildAsync(cancellationToken);
        await app.StartAsync(cancellationToken);
        foreach (var resource in Resources)
        {
            await app.ResourceNotifications.WaitForResourceHealthyAsync(resource, cancellationToken);
        }

        using var api = app.CreateHttpClient("api");
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var modelId = $"churn-{suffix}";
        var datasetId = $"churn-data-{suffix}";

        await WorkloadApi.RegisterModelAsync(api, modelId, datasetId, cancellationToken);
        await WorkloadApi.IngestAsync(api, datasetId, WorkloadApi.TrainingCsv, cancellationToken);
        await WorkloadApi.RequestRetrainingAsync(api, modelId, cancellationToken);

        Assert.True(await WorkloadApi.WaitForPromotedVersionAsync(api, modelId, cancellationToken) >= 1);
    }
}
