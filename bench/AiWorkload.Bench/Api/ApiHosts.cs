using System.Globalization;
using System.Net;
using System.Security.Cryptography;

namespace AiWorkload.Bench.Api;

/// <summary>
/// The product (AiWorkload.Standalone, Release), optionally an earlier build of it as a baseline, and the ceiling (this
/// assembly's <see cref="CeilingHost"/>, Release), each a child process on loopback with its own HttpClient on a
/// SocketsHttpHandler with a connection per client.
/// </summary>
internal sealed class ApiHosts : IAsyncDisposable
{
    private readonly List<IAsyncDisposable> _started = [];
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("aiw-bench-api-").FullName;

    private ApiHosts()
    {
    }

    public ApiHost Product { get; private set; } = null!;

    public ApiHost? Baseline { get; private set; }

    public ApiHost Ceiling { get; private set; } = null!;

    /// <summary>A fresh random key with both scopes, so requests take the authenticated path a deployment takes.</summary>
    public string ApiKey { get; } = Convert.ToHexString(RandomNumberGenerator.GetBytes(24));

    public IEnumerable<ApiHost> Products => Baseline is null ? [Product] : [Product, Baseline];

    public static async Task<ApiHosts> StartAsync(string productDll, ApiBenchmarkOptions options, CancellationToken cancellationToken)
    {
        var hosts = new ApiHosts();
        try
        {
            var connections = options.Clients.Max();
            hosts.Product = await hosts.StartProductAsync(ApiReport.ProductHost, productDll, connections, options.ProductEnvironment, cancellationToken);
            if (options.BaselineDll is { } baseline)
            {
                // The baseline runs as shipped: --product-env is what the product is being compared on.
                hosts.Baseline = await hosts.StartProductAsync(ApiReport.BaselineHost, baseline, connections, new Dictionary<string, string>(), cancellationToken);
            }

            var ceiling = await WebHostProcess.StartAsync(
                "ceiling", typeof(CeilingHost).Assembly.Location, ["api", "--serve-ceiling"], new Dictionary<string, string>(), hosts._dataDirectory, cancellationToken);
            hosts.Ceiling = hosts.Track(new ApiHost(ApiReport.CeilingHost, ceiling, CreateClient(ceiling.BaseAddress, connections)));
            return hosts;
        }
        catch
        {
            await hosts.DisposeAsync();
            throw;
        }
    }

    /// <summary>AiWorkload.Standalone/bin/Release/net10.0/AiWorkload.Standalone.dll above the bench's output folder.</summary>
    public static string? FindStandaloneDll()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var dll = Path.Combine(directory.FullName, "AiWorkload.Standalone", "bin", "Release", "net10.0", "AiWorkload.Standalone.dll");
            if (File.Exists(dll))
            {
                return dll;
            }
        }

        return null;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var started in _started)
        {
            await started.DisposeAsync();
        }

        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    /// <summary>
    /// The product runs with its own appsettings.json (working directory = its output folder), a fresh data directory,
    /// one API key and a per-key rate limit the load cannot reach: the limiter still runs on every request, it just never
    /// refuses one. Everything else is the product's default configuration.
    /// </summary>
    private async Task<ApiHost> StartProductAsync(string name, string dll, int connections, IReadOnlyDictionary<string, string> environment, CancellationToken cancellationToken)
    {
        var process = await WebHostProcess.StartAsync(
            name,
            dll,
            ["--data-dir", Path.Combine(_dataDirectory, name)],
            new Dictionary<string, string>(environment)
            {
                ["Authentication__ApiKeys__0__Name"] = "bench",
                ["Authentication__ApiKeys__0__Key"] = ApiKey,
                ["Authentication__ApiKeys__0__Scopes"] = "read write",
                ["RateLimiting__PermitLimit"] = int.MaxValue.ToString(CultureInfo.InvariantCulture),
                ["RateLimiting__WindowSeconds"] = "60",
            },
            Path.GetDirectoryName(dll)!,
            cancellationToken);
        return Track(new ApiHost(name, process, CreateClient(process.BaseAddress, connections)));
    }

    private ApiHost Track(ApiHost host)
    {
        _started.Add(host);
        return host;
    }

    private static HttpClient CreateClient(Uri baseAddress, int connections) => new(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = connections,
        UseProxy = false,
        UseCookies = false,
        AllowAutoRedirect = false,
        AutomaticDecompression = DecompressionMethods.None,
        PooledConnectionIdleTimeout = TimeSpan.FromMinutes(10),
        PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
    })
    {
        BaseAddress = baseAddress,
        Timeout = TimeSpan.FromMinutes(2),
    };
}
