using AiWorkload.Messaging.Topology.AppModel;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace AiWorkload.ThinHosts.Tests;

/// <summary>
/// One thin host's real composition root in memory, on the local Service Bus (<c>ConnectionStrings:messaging</c> and the
/// administration connection string, as the AppHost sets them) and a data directory shared with the other hosts.
/// </summary>
public sealed class ThinHost<TProgram>(string messaging, string administration, string dataDirectory) : WebApplicationFactory<TProgram>, IThinHost
    where TProgram : class
{
    public const string ApiKey = "thin-hosts-test-key";

    public HttpClient CreateApiClient()
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", ApiKey);
        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting($"ConnectionStrings:{ServiceBusHosting.ConnectionName}", messaging);
        builder.UseSetting(ServiceBusHosting.AdministrationConnectionStringKey, administration);
        builder.UseSetting("AiWorkload:DataDirectory", dataDirectory);
        builder.UseSetting("Authentication:ApiKeys:0:Name", "tests");
        builder.UseSetting("Authentication:ApiKeys:0:Key", ApiKey);
        builder.UseSetting("Authentication:ApiKeys:0:Scopes", "read,write");
    }
}
