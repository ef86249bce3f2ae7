using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using AiWorkload.ServiceBus;
using AiWorkload.Testing;
using Azure.Messaging.ServiceBus;
using Azure.Messaging.ServiceBus.Administration;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace AiWorkload.ServiceBus.Testing;

/// <summary>The AiWorkload.ServiceBus host's composition (as its Program.cs), in-process on free loopback ports, with no Config.json.</summary>
public sealed class LocalHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly TemporaryDirectory? _own;

    private LocalHost(WebApplication app, TemporaryDirectory? own, string dataDirectory, int amqpPort, int httpPort)
    {
        _app = app;
        _own = own;
        DataDirectory = dataDirectory;
        AmqpPort = amqpPort;
        HttpPort = httpPort;
    }

    public string DataDirectory { get; }

    public int AmqpPort { get; }

    public int HttpPort { get; }

    public string AdminConnectionString => $"Endpoint=sb://127.0.0.1:{HttpPort};SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=SAS_KEY_VALUE;UseDevelopmentEmulator=true;";

    public string AmqpConnectionString => $"Endpoint=sb://127.0.0.1:{AmqpPort};SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=SAS_KEY_VALUE;UseDevelopmentEmulator=true;";

    public ServiceBusAdministrationClient Admin() =>
        new(AdminConnectionString, new ServiceBusAdministrationClientOptions { Retry = { MaxRetries = 0 } });

    public ServiceBusClient Client() =>
        new(AmqpConnectionString, new ServiceBusClientOptions { RetryOptions = new ServiceBusRetryOptions { MaxRetries = 1, TryTimeout = TimeSpan.FromSeconds(10) } });

    public static async Task<LocalHost> StartAsync(string? dataDirectory = null, int? amqpPort = null, int? httpPort = null)
    {
        var own = dataDirectory is null ? new TemporaryDirectory() : null;
        var directory = dataDirectory ?? own!.Path;
        var amqp = amqpPort ?? FreePort();
        var http = httpPort ?? FreePort();
        string[] args = ["--data-dir", directory, "--amqp-port", amqp.ToString(CultureInfo.InvariantCulture), "--http-port", http.ToString(CultureInfo.InvariantCulture)];
        var builder = WebApplication.CreateSlimBuilder(args);
        builder.AddLocalServiceBusSettings(args);
        builder.AddLocalServiceBus();
        builder.AddAmqpEndpoint();
        builder.AddServiceBusAdministration();
        var app = builder.Build();
        app.MapHealthChecks("/health");
        app.MapServiceBusAdministration();
        await app.StartAsync();
        return new LocalHost(app, own, directory, amqp, http);
    }

    public async Task<LocalHost> RestartAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        var restarted = await StartAsync(DataDirectory, AmqpPort, HttpPort);
        return new LocalHost(restarted._app, _own, DataDirectory, AmqpPort, HttpPort);
    }

    /// <summary>A raw request with a valid token, for what the SDK never sends (bad XML, traversal, stale ETags).</summary>
    public async Task<(HttpStatusCode Status, string Body)> SendRawAsync(string method, string rawTarget, string? body = null, string? key = "SAS_KEY_VALUE", IDictionary<string, string>? headers = null)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, HttpPort);
        var stream = tcp.GetStream();
        var bytes = body is null ? [] : Encoding.UTF8.GetBytes(body);
        var request = new StringBuilder();
        request.Append(CultureInfo.InvariantCulture, $"{method} {rawTarget} HTTP/1.1\r\nHost: 127.0.0.1:{HttpPort}\r\nConnection: close\r\n");
        if (key is not null)
        {
            request.Append(CultureInfo.InvariantCulture, $"Authorization: {Token($"http://127.0.0.1:{HttpPort}{rawTarget.Split('?')[0]}", key)}\r\n");
        }

        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            request.Append(CultureInfo.InvariantCulture, $"{name}: {value}\r\n");
        }

        request.Append(CultureInfo.InvariantCulture, $"Content-Type: application/atom+xml\r\nContent-Length: {bytes.Length}\r\n\r\n");
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request.ToString()));
        try
        {
            await stream.WriteAsync(bytes);
        }
        catch (IOException)
        {
            // The server may answer (413) and close before it has read a huge body.
        }

        using var reader = new StreamReader(stream, Encoding.UTF8);
        var response = await reader.ReadToEndAsync();
        var status = (HttpStatusCode)int.Parse(response.Split(' ')[1], CultureInfo.InvariantCulture);
        return (status, response[(response.IndexOf("\r\n\r\n", StringComparison.Ordinal) + 4)..]);
    }

    public static string Token(string resource, string key, string keyName = "RootManageSharedAccessKey")
    {
        var encoded = Uri.EscapeDataString(resource);
        var expiry = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signature = Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), Encoding.UTF8.GetBytes(encoded + "\n" + expiry)));
        return $"SharedAccessSignature sr={encoded}&sig={Uri.EscapeDataString(signature)}&se={expiry}&skn={keyName}";
    }

    public static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _own?.Dispose();
    }
}
