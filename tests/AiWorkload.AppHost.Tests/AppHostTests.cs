using System.Net;
using Aspire.Hosting.Testing;
using AiWorkload.Hosting.LocalServiceBus;
using AiWorkload.Messaging.Topology;
using Azure.Messaging.ServiceBus;
using Azure.Messaging.ServiceBus.Administration;

namespace AiWorkload.AppHost.Tests;

/// <summary>
/// The real AppHost as `dotnet run` starts it: DCP, the local Service Bus and the three services, each on a data
/// directory of the test's. Every resource must be healthy, the queues, topics and subscriptions included.
/// </summary>
public sealed class AppHostTests : IDisposable
{
    private static readonly TimeSpan Budget = TimeSpan.FromMinutes(3);
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "aiworkload-apphost-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Every_resource_is_healthy_and_the_drift_walkthrough_through_the_api_alone_promotes_v2()
    {
        using var timeout = new CancellationTokenSource(Budget);
        await using var run = await AppHostRun.StartAsync(_dataDirectory, timeout.Token);
        var names = run.Resources.Select(r => r.Name).ToList();
        Assert.Contains("messaging", names);
        Assert.Contains(WorkloadTopology.RetrainingQueue, names);
        Assert.Contains(WorkloadTopology.WorkloadEventsTopic, names);
        Assert.Contains($"{WorkloadTopology.WorkloadEventsTopic}-{WorkloadTopology.TrainingSubscription}", names);
        Assert.All(new[] { "api", "retraining", "orchestrator" }, service => Assert.Contains(service, names));

        // Everything through the api, as the README's walkthrough on 5180: it forwards predictions to retraining and runs to
        // orchestrator.
        using var api = run.CreateApiClient();
        using (var register = await WorkloadApi.PostJsonAsync(api, "/api/models", WorkloadApi.ChurnModel, "register"))
        {
            Assert.Equal(HttpStatusCode.Created, register.StatusCode);
        }

        await WorkloadApi.IngestAsync(api, "churn.csv", "batch-1");
        using var first = await WorkloadApi.PostJsonAsync(api, "/api/models/customer-churn/retrain", new { reason = "first version" }, "train-v1");
        var trained = await WorkloadApi.EventuallyAsync(() => WorkloadApi.GetJsonAsync(api, first.Headers.Location!.ToString()),
            json => json.GetProperty("status").GetString() == "trained", TimeSpan.FromSeconds(60));
        Assert.Equal("trained", trained.GetProperty("status").GetString());
        Assert.Equal(1, (await WorkloadApi.PredictAsync(api)).GetProperty("version").GetInt32());

        await WorkloadApi.IngestAsync(api, "churn-recent.csv", "batch-2");
        var metrics = new { metric = "accuracy", value = 0.63, driftScore = 0.45 };
        using (var report = await WorkloadApi.PostJsonAsync(api, "/api/models/customer-churn/metrics", metrics, "metrics-1"))
        {
            Assert.Equal(HttpStatusCode.Accepted, report.StatusCode);
        }

        var runs = await WorkloadApi.EventuallyAsync(
            () => WorkloadApi.GetJsonAsync(api, "/api/runs?pipeline=retrain-on-drift&modelId=customer-churn"),
            json => WorkloadApi.Items(json).Any(r => r.GetProperty("state").GetString() is "Succeeded" or "Failed" or "TimedOut"),
            TimeSpan.FromSeconds(90));
        Assert.Equal("Succeeded", Assert.Single(WorkloadApi.Items(runs)).GetProperty("state").GetString());
        var model = await WorkloadApi.GetJsonAsync(api, "/api/models/customer-churn");
        Assert.Equal(2, model.GetProperty("promotedVersion").GetInt32());
        var prediction = await WorkloadApi.EventuallyAsync(() => WorkloadApi.PredictAsync(api),
            json => json.GetProperty("version").GetInt32() == 2, TimeSpan.FromSeconds(15));
        Assert.Equal(2, prediction.GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task The_Service_Bus_resource_keeps_its_entities_and_messages_across_a_restart_of_the_AppHost()
    {
        using var timeout = new CancellationTokenSource(Budget);
        var cancellationToken = timeout.Token;
        var queue = "restart-" + Guid.NewGuid().ToString("N")[..8];
        await using (var run = await AppHostRun.StartAsync(_dataDirectory, cancellationToken))
        {
            var administration = new ServiceBusAdministrationClient(await AdministrationConnectionStringAsync(run.ServiceBus, cancellationToken));
            await administration.CreateQueueAsync(queue, cancellationToken);
            await using var client = new ServiceBusClient(await ConnectionStringAsync(run.ServiceBus, cancellationToken));
            await using var sender = client.CreateSender(queue);
            await sender.SendMessageAsync(new ServiceBusMessage("kept") { MessageId = "m1" }, cancellationToken);
        }

        await using (var run = await AppHostRun.StartAsync(_dataDirectory, cancellationToken))
        {
            await using var client = new ServiceBusClient(await ConnectionStringAsync(run.ServiceBus, cancellationToken));
            await using var receiver = client.CreateReceiver(queue);
            var message = await receiver.ReceiveMessageAsync(TimeSpan.FromSeconds(30), cancellationToken);
            Assert.NotNull(message);
            Assert.Equal("kept", message.Body.ToString());
            await receiver.CompleteMessageAsync(message, cancellationToken);
        }
    }

    public void Dispose()
    {
        if (Directory.Exists(_dataDirectory))
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
    }

    private static async Task<string> ConnectionStringAsync(LocalServiceBusResource serviceBus, CancellationToken cancellationToken) =>
        await serviceBus.ConnectionStringExpression.GetValueAsync(cancellationToken) ?? throw new InvalidOperationException("no connection string");

    private static async Task<string> AdministrationConnectionStringAsync(LocalServiceBusResource serviceBus, CancellationToken cancellationToken) =>
        await serviceBus.AdministrationConnectionStringExpression.GetValueAsync(cancellationToken) ?? throw new InvalidOperationException("no connection string");
}
