using System.Net;
using System.Net.Sockets;
using AiWorkload.Testing;
using AiWorkload.Training.Artifacts;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace AiWorkload.Training.Tests.Hosting;

public sealed class RetrainingHostingTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task Composed_twice_in_one_host_it_registers_once_and_reports_healthy_on_the_default_filesystem_store()
    {
        using var host = Build(new Dictionary<string, string?>(), builder =>
        {
            builder.AddRetraining();
            builder.AddRetraining(); // several services composed in one host (Standalone) may each call it
        });
        await host.StartAsync();

        var report = await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync();

        Assert.IsType<FileSystemArtifactStore>(host.Services.GetRequiredService<IArtifactStore>());
        Assert.Equal(Path.Combine(_directory.Path, "artifacts"), ((FileSystemArtifactStore)host.Services.GetRequiredService<IArtifactStore>()).RootDirectory);
        Assert.Equal(HealthStatus.Healthy, report.Entries["retraining"].Status);
        await host.StopAsync();
    }

    [Fact]
    public async Task An_unreachable_blob_store_makes_the_service_unhealthy()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var closedPort = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        using var host = Build(
            new Dictionary<string, string?>
            {
                ["Training:Artifacts:BlobConnectionString"] = $"AccountName=acme;AccountKey=AAAA;BlobEndpoint=http://127.0.0.1:{closedPort}/acme",
            },
            builder => builder.AddRetraining());

        var report = await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync();

        Assert.IsType<BlobArtifactStore>(host.Services.GetRequiredService<IArtifactStore>());
        Assert.Equal(HealthStatus.Unhealthy, report.Entries["retraining"].Status);
        Assert.StartsWith("The artifact store (BlobArtifactStore) is not usable: ", report.Entries["retraining"].Description, StringComparison.Ordinal);
    }

    [Fact]
    public void The_artifacts_connection_string_selects_the_blob_store_unless_the_training_setting_names_another()
    {
        const string FromConnectionStrings = "AccountName=fromconnectionstrings;AccountKey=AAAA";
        using var aspireStyle = Build(new Dictionary<string, string?> { ["ConnectionStrings:artifacts"] = FromConnectionStrings }, builder => builder.AddRetraining());
        using var both = Build(
            new Dictionary<string, string?>
            {
                ["ConnectionStrings:artifacts"] = FromConnectionStrings,
                ["Training:Artifacts:BlobConnectionString"] = "AccountName=fromtraining;AccountKey=AAAA",
            },
            builder => builder.AddRetraining());

        Assert.IsType<BlobArtifactStore>(aspireStyle.Services.GetRequiredService<IArtifactStore>());
        Assert.Equal(FromConnectionStrings, Settings(aspireStyle).Artifacts.BlobConnectionString);
        Assert.Equal("AccountName=fromtraining;AccountKey=AAAA", Settings(both).Artifacts.BlobConnectionString);
    }

    [Fact]
    public void Retry_attempts_at_or_above_the_queues_MaxDeliveryCount_are_refused_at_start()
    {
        using var host = Build(new Dictionary<string, string?> { ["Training:Retry:MaxAttempts"] = "10" }, builder => builder.AddRetraining());

        var error = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(
            () => host.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Options.RetrainingOptions>>().Value);

        Assert.Contains("Training:Retry:MaxAttempts must lie between 1 and 9", error.Message, StringComparison.Ordinal);
    }

    private static Options.RetrainingOptions Settings(IHost host) =>
        host.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Options.RetrainingOptions>>().Value;

    private IHost Build(Dictionary<string, string?> settings, Action<IHostApplicationBuilder> compose)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, ContentRootPath = _directory.Path });
        settings[CatalogExtensions.DataDirectoryKey] = _directory.Path;
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddEmbeddedServiceBus(o => o.InMemory = true);
        compose(builder);
        return builder.Build();
    }
}
