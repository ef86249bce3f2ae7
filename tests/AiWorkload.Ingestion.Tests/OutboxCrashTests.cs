using AiWorkload.Contracts.Events;
using AiWorkload.Messaging;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace AiWorkload.Ingestion.Tests;

/// <summary>Nothing accepted is lost, and nothing is announced twice, whichever moment the process dies at.</summary>
public sealed class OutboxCrashTests
{
    [Fact]
    public async Task Data_stored_before_a_crash_that_prevented_dispatch_is_published_exactly_once_after_restart()
    {
        using var directory = new TemporaryDirectory();
        var unreachable = new ScriptedBus { FailuresLeft = int.MaxValue };
        var settings = IngestionApp.Keys();
        settings["Ingestion:Outbox:StaleAfter"] = "00:00:00";
        await using (var crashing = await IngestionApp.StartAsync(directory, settings, b => b.Services.AddSingleton<IMessageBus>(unreachable)))
        {
            using var client = crashing.Client();
            await client.RegisterChurnAsync();
            await (await client.PostAsync("/api/datasets/customers/batches", Requests.Csv(Requests.ChurnCsv))).ReadJsonAsync(201);

            Assert.Equal(3, (await crashing.Catalog.ReadDatasetAsync("customers")).Rows.Count);
            Assert.Equal(2, (await crashing.Catalog.GetUnpublishedAsync(10)).Count);
            Assert.Empty((await crashing.EngineAsync()).Peek(IngestionApp.OrchestratorSubscription, 0, 10));
            var health = await crashing.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync();
            Assert.Equal(HealthStatus.Degraded, health.Entries[IngestionExtensions.HealthCheckName].Status);
        }

        await using (var restarted = await IngestionApp.StartAsync(directory))
        {
            Assert.Single(await restarted.PublishedAsync(IngestionApp.OrchestratorSubscription, nameof(ModelRegistered)));
            Assert.Single(await restarted.PublishedAsync(IngestionApp.OrchestratorSubscription, nameof(DataIngested)));
        }

        await using var again = await IngestionApp.StartAsync(directory);
        Assert.Equal(2, (await again.PublishedAsync(IngestionApp.OrchestratorSubscription)).Count);
    }

    [Fact]
    public async Task A_crash_after_publishing_but_before_marking_sent_republishes_and_duplicate_detection_drops_the_copy()
    {
        using var directory = new TemporaryDirectory();
        ScriptedBus? dying = null;
        await using (var crashing = await IngestionApp.StartAsync(directory, configure: b => b.Services.WrapMessageBus(real => dying = new ScriptedBus(real, crashAfterSend: true))))
        {
            using var client = crashing.Client();
            await client.RegisterChurnAsync();
            var deadline = DateTimeOffset.UtcNow.AddSeconds(10);
            while (dying is null || dying.Sent.IsEmpty)
            {
                Assert.True(DateTimeOffset.UtcNow < deadline, "The dispatcher never published.");
                await Task.Delay(20);
            }

            Assert.Single((await crashing.EngineAsync()).Peek(IngestionApp.OrchestratorSubscription, 0, 10));
            Assert.Single(await crashing.Catalog.GetUnpublishedAsync(10));
        }

        await using var restarted = await IngestionApp.StartAsync(directory);
        var published = Assert.Single(await restarted.PublishedAsync(IngestionApp.OrchestratorSubscription));
        Assert.Equal("model-registered:customer-churn", published.MessageId);
    }
}
