using System.Globalization;
using AiWorkload.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace AiWorkload.Fuzz.Tests;

/// <summary>The real Standalone composition root in memory, with its own data directory, an API key, and no rate limit to hit.</summary>
public sealed class FuzzApp : WebApplicationFactory<Program>
{
    public const string ApiKey = "fuzz-test-key-0123456789";

    private readonly TemporaryDirectory _data = new();

    public HttpClient CreateApiClient()
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Add("X-Api-Key", ApiKey);
        client.Timeout = TimeSpan.FromSeconds(60);
        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("AiWorkload:DataDirectory", _data.Path);
        builder.UseSetting("Authentication:ApiKeys:0:Name", "fuzz");
        builder.UseSetting("Authentication:ApiKeys:0:Key", ApiKey);
        builder.UseSetting("Authentication:ApiKeys:0:Scopes", "read,write");
        // Thousands of requests from one key: the limiter would answer most of them 429 and test nothing else.
        builder.UseSetting("RateLimiting:PermitLimit", int.MaxValue.ToString(CultureInfo.InvariantCulture));
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore", "Critical");
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        _data.Dispose();
    }
}
