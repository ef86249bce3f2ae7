using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using AiWorkload.ServiceDefaults.Security;

namespace AiWorkload.ServiceDefaults.Tests;

/// <summary>
/// A real Kestrel app on 127.0.0.1 with a read and a write endpoint secured as the services secure theirs. The header
/// <see cref="RemoteAddressHeader"/> stands in for a caller on another machine, so the loopback rule is tested without a network.
/// </summary>
internal sealed class SecuredApp : IAsyncDisposable
{
    public const string RemoteAddressHeader = "X-Test-Remote-Address";
    public const string WriterKey = "writer-key-0123456789abcdef";
    public const string ReaderKey = "reader-key-0123456789abcdef";

    private readonly WebApplication _app;

    private SecuredApp(WebApplication app, CapturedLogs logs)
    {
        _app = app;
        Logs = logs;
    }

    public CapturedLogs Logs { get; }

    public IServiceProvider Services => _app.Services;

    public static Dictionary<string, string?> TwoKeys() => new()
    {
        ["Authentication:ApiKeys:0:Name"] = "trainer-bot",
        ["Authentication:ApiKeys:0:Key"] = WriterKey,
        ["Authentication:ApiKeys:0:Scopes:0"] = "read",
        ["Authentication:ApiKeys:0:Scopes:1"] = "write",
        ["Authentication:ApiKeys:1:Name"] = "dashboard",
        ["Authentication:ApiKeys:1:KeySha256"] = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(ReaderKey))),
        ["Authentication:ApiKeys:1:Scopes"] = "read",
    };

    public static async Task<SecuredApp> StartAsync(Dictionary<string, string?> settings)
    {
        var logs = new CapturedLogs();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.ClearProviders().AddProvider(logs).SetMinimumLevel(LogLevel.Debug);
        builder.AddApiKeyAuthentication();
        builder.AddApiKeyAuthentication(); // every service of a composed host calls it
        var app = builder.Build();
        app.Use((context, next) =>
        {
            if (context.Request.Headers[RemoteAddressHeader] is [{ } address])
            {
                context.Connection.RemoteIpAddress = IPAddress.Parse(address);
            }

            return next(context);
        });
        app.UseApiKeyAuthentication();
        app.UseApiKeyAuthentication();
        var api = app.MapGroup("/api").RequireRateLimiting(ApiKeyDefaults.RateLimitPolicy);
        api.MapGet("/things", (HttpContext context) => Results.Ok(new { caller = context.User.Identity!.Name })).RequireAuthorization(ApiKeyDefaults.ReadPolicy);
        api.MapPost("/things", (HttpContext context) => Results.Ok(new { caller = context.User.Identity!.Name })).RequireAuthorization(ApiKeyDefaults.WritePolicy);
        try
        {
            await app.StartAsync();
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        return new SecuredApp(app, logs);
    }

    public HttpClient Client(string? apiKey = null, string? remoteAddress = null)
    {
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var client = new HttpClient { BaseAddress = new Uri(address) };
        if (apiKey is not null)
        {
            client.DefaultRequestHeaders.Add(ApiKeyDefaults.HeaderName, apiKey);
        }

        if (remoteAddress is not null)
        {
            client.DefaultRequestHeaders.Add(RemoteAddressHeader, remoteAddress);
        }

        return client;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
