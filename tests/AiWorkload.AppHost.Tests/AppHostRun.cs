// Targets Aspire.Hosting.Testing 13.6.5: DistributedApplicationTestingBuilder.CreateAsync<TEntryPoint>(DistributedApplicationTestingBuilderOptions
// { EnableDashboard }, string[], CancellationToken),
// BuildAsync, StartAsync, ResourceNotifications.WaitForResourceHealthyAsync, CreateHttpClient; Aspire.Hosting 13.6.5:
// DistributedApplicationModel.Resources.
using System.Net;
using System.Net.Sockets;
using AiWorkload.Hosting.LocalServiceBus;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace AiWorkload.AppHost.Tests;

/// <summary>One start of the real AppHost on a data directory of the test's, up to every resource healthy.</summary>
internal sealed class AppHostRun : IAsyncDisposable
{
    private AppHostRun(DistributedApplication app) => App = app;

    public DistributedApplication App { get; }

    /// <summary>
    /// What the dashboard lists: the Service Bus, its entities and the services (not Aspire's hidden helpers). The services
    /// are project resources under an IDE and run from their built assemblies otherwise; both are found by service discovery.
    /// </summary>
    public IReadOnlyList<IResource> Resources =>
        [.. App.Services.GetRequiredService<DistributedApplicationModel>().Resources
            .Where(r => r is LocalServiceBusResource or LocalServiceBusEntityResource or IResourceWithServiceDiscovery)];

    public LocalServiceBusResource ServiceBus => Resources.OfType<LocalServiceBusResource>().Single();

    /// <summary>
    /// The api's fixed port comes from <c>Api:Port</c>: a free one here, so a developer's AppHost on 5180 does not collide.
    /// The dashboard runs only when asked for, on ports of its own, as <c>dotnet run</c> starts it.
    /// </summary>
    public static async Task<AppHostRun> StartAsync(string dataDirectory, CancellationToken cancellationToken, bool withDashboard = false)
    {
        string[] args = [$"--AiWorkload:DataDirectory={dataDirectory}", $"--Api:Port={FreePort()}"];
        var options = new DistributedApplicationTestingBuilderOptions { EnableDashboard = withDashboard };
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AiWorkload_AppHost>(options, args, cancellationToken);
        var app = await builder.BuildAsync(cancellationToken);
        var run = new AppHostRun(app);
        try
        {
            await app.StartAsync(cancellationToken);
            foreach (var resource in run.Resources)
            {
                await app.ResourceNotifications.WaitForResourceHealthyAsync(resource.Name, cancellationToken);
            }
        }
        catch
        {
            await run.DisposeAsync();
            throw;
        }

        return run;
    }

    public HttpClient CreateApiClient() => App.CreateHttpClient("api");

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
