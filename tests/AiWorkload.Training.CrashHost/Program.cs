using AiWorkload.Contracts.Commands;
using AiWorkload.Contracts.Events;
using AiWorkload.Messaging;
using AiWorkload.Messaging.Embedded;
using AiWorkload.Messaging.Topology;
using AiWorkload.Training.CrashHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

// The retraining service on the durable embedded engine, for the kill test. Configuration comes from the command line
// (--AiWorkload:DataDirectory=..., --Training:ExternalTrainers:...). The parent drives it over stdin:
//   send <requestId> <modelId>      sends RetrainModel as any client would
//   resubmit <requestId> <modelId>  sends a copy under a new transport id that keeps the request's MessageId, as a
//                                   dead-letter resubmission does, so it passes duplicate detection and reaches the handler
// and reads stdout: READY, SENT <requestId>, EVENT <type> <eventId>, PROCESSED <transportId> <disposition>.
using var settlements = new SettlementPrinter();
var builder = Host.CreateApplicationBuilder(args);

// Logs go to stderr, so stdout carries only the protocol lines above.
builder.Logging.ClearProviders();
builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace).SetMinimumLevel(LogLevel.Warning);
var dataDirectory = builder.GetDataDirectory();
builder.AddEmbeddedServiceBus(o =>
{
    o.DataDirectory = Path.Combine(dataDirectory, "servicebus");
    o.Durability = EngineDurability.Full;
});
builder.AddMessaging(o => o.DepthPollingInterval = TimeSpan.Zero);
builder.AddRetraining();
builder.AddMessaging()
    .AddProcessor(MessageSource.Subscription(WorkloadTopology.WorkloadEventsTopic, WorkloadTopology.OrchestratorSubscription))
    .AddHandler<TrainingStarted, EventPrinter<TrainingStarted>>()
    .AddHandler<ModelTrained, EventPrinter<ModelTrained>>()
    .AddHandler<ModelPromoted, EventPrinter<ModelPromoted>>()
    .AddHandler<ModelRejected, EventPrinter<ModelRejected>>()
    .AddHandler<TrainingFailed, EventPrinter<TrainingFailed>>();

using var host = builder.Build();
await host.StartAsync();
var bus = host.Services.GetRequiredService<IMessageBus>();
Console.WriteLine("READY");

while (Console.ReadLine() is { } line)
{
    var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
    if (parts is ["send", var requestId, var modelId])
    {
        await bus.SendAsync(new RetrainModel(requestId, modelId, "kill test", DateTimeOffset.UtcNow));
        Console.WriteLine($"SENT {requestId}");
    }
    else if (parts is ["resubmit", var copyOf, var modelOf])
    {
        await bus.SendAsync(
            new RetrainModel(copyOf, modelOf, "kill test resubmission", DateTimeOffset.UtcNow),
            new MessageOptions { MessageId = $"{copyOf}:resubmit", Properties = new Dictionary<string, object?> { [MessageProperties.OriginalMessageId] = copyOf } });
        Console.WriteLine($"SENT {copyOf}:resubmit");
    }
}

await host.StopAsync();
