using AiWorkload.Orchestration.Triggers;
using Microsoft.Extensions.Hosting;

namespace AiWorkload.Orchestration.Hosting;

/// <summary>Makes sure every schedule trigger has its one pending tick before the service reports started.</summary>
internal sealed class ScheduleInitializer(ScheduleService schedules) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => schedules.EnsureScheduledAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
