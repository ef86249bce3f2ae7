using System.Net.Http.Json;
using AiWorkload.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Hosting;

namespace AiWorkload.Standalone.Tests;

/// <summary>
/// The real Standalone composition root in memory, with its own data directory and an API key; given a PostgreSQL
/// connection string, its catalog and runs live there instead of in SQLite.
/// </summary>
public sealed class StandaloneApp(string? workloadDatabase = null, int? amqpPort = null) : WebApplicationFactory<Program>
{
    public const string ApiKey = "standalone-test-key";

    private readonly TemporaryDirectory _data = new();

    public string DataDirectory => _data.Path;

    public HttpClient CreateApiClient()
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", ApiKey);
        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("AiWorkload:DataDirectory", _data.Path);
        builder.UseSetting("Authentication:ApiKeys:0:Name", "tests");
        builder.UseSetting("Authentication:ApiKeys:0:Key", ApiKey);
        builder.UseSetting("Authentication:ApiKeys:0:Scopes", "read,write");
        if (amqpPort is { } port)
        {
            builder.UseSetting("ServiceBus:Amqp:Port", port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        if (workloadDatabase is not null)
        {
            builder.UseSetting($"ConnectionStrings:{SharedStorageExtensions.ConnectionName}", workloadDatabase);
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        _data.Dispose();
    }

    /// <summary>Polls until <paramref name="done"/> holds; the services work asynchronously through the bus.</summary>
    public static async Task<T> EventuallyAsync<T>(Func<Task<T>> probe, Func<T, bool> done, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var value = await probe();
            if (done(value) || DateTime.UtcNow > deadline)
            {
                return value;
            }

            await Task.Delay(100);
        }
    }

    public static Task<HttpResponseMessage> PostJsonAsync(HttpClient client, string path, object body, string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative)) { Content = JsonContent.Create(body) };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return client.SendAsync(request);
    }
}
