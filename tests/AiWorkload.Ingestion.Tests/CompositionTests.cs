using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AiWorkload.Ingestion.Tests;

public sealed class CompositionTests
{
    [Fact]
    public async Task A_host_composing_several_services_may_add_ingestion_messages_and_security_more_than_once()
    {
        using var directory = new TemporaryDirectory();
        await using var app = await IngestionApp.StartAsync(directory, configure: builder =>
        {
            builder.AddMessaging().AddWorkloadMessages();
            builder.AddApiKeyAuthentication();
            builder.AddIngestion();
        });
        using var client = app.Client();

        await client.RegisterChurnAsync();

        Assert.Single(app.Services.GetServices<IHostedService>().OfType<AiWorkload.Messaging.Outbox.OutboxDispatcher<AiWorkload.Catalog.IWorkloadCatalog>>());
        Assert.Single(await app.PublishedAsync(IngestionApp.OrchestratorSubscription));
    }
}
