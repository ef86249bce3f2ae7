using AiWorkload.Catalog;
using AiWorkload.Contracts.Commands;
using AiWorkload.Contracts.Events;
using AiWorkload.Messaging;
using AiWorkload.Messaging.Embedded;
using AiWorkload.Messaging.Topology;
using AiWorkload.Orchestration.CrashHost;
using AiWorkload.Orchestration.Pipelines;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

// The orchestration service on a durable data directory, for a parent test to SIGKILL mid-run. Every effect is printed
// by its receiver before the message is completed:
//   RETRAIN <requestId>   the fake trainer received a RetrainModel
//   NOTIFY <eventId>      a PipelineNotification reached another subscriber
//   CHANGED <eventId>     a PipelineRunChanged reached another subscriber
// stdin: "start <count> <prefix>" sends StartPipelineRun for <prefix>-0 .. <prefix>-<count-1> (idempotent by run id).
// With "hold", the trainer never answers: the runs stop at their first training, whatever the machine's speed.
if (args.Length < 1)
{
    Console.Error.WriteLine("usage: CrashHost <data-dir> [hold]");
    return 2;
}

CrashTrainer.Hold = args is [_, "hold"];

var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, ContentRootPath = args[0] });
builder.Logging.ClearProviders();
builder.Configuration[CatalogExtensions.DataDirectoryKey] = args[0];
builder.AddEmbeddedServiceBus(o =>
{
    o.DataDirectory = Path.Combine(args[0], "servicebus");
    o.Durability = EngineDurability.ProcessCrashSafe;
});
var messaging = builder.AddMessaging(o => o.DepthPollingInterval = TimeSpan.Zero);
builder.AddOrchestration(o => o.OutboxSweepInterval = TimeSpan.FromMilliseconds(200));
messaging.AddProcessor(MessageSource.Queue(WorkloadTopology.RetrainingQueue)).AddHandler<RetrainModel, CrashTrainer>();
messaging.AddProcessor(MessageSource.Subscription(WorkloadTopology.WorkloadEventsTopic, WorkloadTopology.InferenceSubscription))
    .AddHandler<PipelineNotification, Printer<PipelineNotification>>()
    .AddHandler<PipelineRunChanged, Printer<PipelineRunChanged>>();

using var host = builder.Build();
await CrashTrainer.SeedAsync(host.Services.GetRequiredService<IWorkloadCatalog>());
await host.StartAsync();
Console.WriteLine("READY");

var bus = host.Services.GetRequiredService<IMessageBus>();
while (Console.ReadLine() is { } line)
{
    var parts = line.Split(' ');
    if (parts is ["start", var count, var prefix])
    {
        for (var i = 0; i < int.Parse(count, System.Globalization.CultureInfo.InvariantCulture); i++)
        {
            await bus.SendAsync(new StartPipelineRun($"{prefix}-{i}", DefaultPipelines.RetrainOnDrift, "manual", DateTimeOffset.UtcNow, $"{CrashTrainer.ModelPrefix}{i % CrashTrainer.Models}"));
        }

        Console.WriteLine("STARTED");
    }
}

await Task.Delay(Timeout.Infinite);
return 0;
