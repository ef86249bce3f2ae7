using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace AiWorkload.Training.Tests.Artifacts;

/// <summary>
/// Azurite's blob service, the official Azure Storage emulator: the instance named by AIWORKLOAD_AZURITE_BLOB_ENDPOINT
/// when set (for example one started by .ci/run), otherwise a private one started here on a free loopback port, with
/// telemetry off so it makes no outbound calls, and stopped afterwards. When neither is possible the tests fail: a
/// blob store that was never exercised must not look tested.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    public const string EndpointVariable = "AIWORKLOAD_AZURITE_BLOB_ENDPOINT";
    public const string AccountName = "devstoreaccount1";

    /// <summary>Azurite's well-known development account key: public and documented, not a secret.</summary>
    public const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private readonly ConcurrentQueue<string> _output = new();
    private Process? _process;
    private string? _workspace;

    public Uri BlobEndpoint { get; private set; } = null!;

    public string ConnectionString => $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};BlobEndpoint={BlobEndpoint};";

    public async Task InitializeAsync()
    {
        if (Environment.GetEnvironmentVariable(EndpointVariable) is { Length: > 0 } running)
        {
            BlobEndpoint = new Uri(running);
            await WaitUntilListeningAsync();
            return;
        }

        var executable = FindAzurite() ?? throw new InvalidOperationException(
            "Azurite is not installed, so the blob artifact store cannot be tested. Install it in the repository root with " +
            $"`npm install --no-save azurite@3.37.0` (or `npm install -g azurite`), or set {EndpointVariable} to a running instance.");
        var port = FreeLoopbackPort();
        _workspace = Directory.CreateTempSubdirectory("aiw-azurite-").FullName;
        var start = new ProcessStartInfo(executable) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "--silent", "--disableTelemetry", "--skipApiVersionCheck", "--location", _workspace, "--blobHost", "127.0.0.1", "--blobPort", port.ToString(System.Globalization.CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(argument);
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {executable}.");
        _process.OutputDataReceived += (_, e) => { if (e.Data is not null) { _output.Enqueue(e.Data); } };
        _process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { _output.Enqueue(e.Data); } };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        BlobEndpoint = new Uri($"http://127.0.0.1:{port}/{AccountName}");
        await WaitUntilListeningAsync();
    }

    public async Task DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process?.Dispose();
        if (_workspace is not null)
        {
            Directory.Delete(_workspace, recursive: true);
        }
    }

    private async Task WaitUntilListeningAsync()
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(BlobEndpoint.Host, BlobEndpoint.Port);
                return;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline && _process is not { HasExited: true })
            {
                await Task.Delay(50);
            }
            catch (SocketException error)
            {
                throw new InvalidOperationException(
                    $"Azurite is not listening on {BlobEndpoint}{(_process is { HasExited: true } ? $" (it exited with code {_process.ExitCode})" : string.Empty)}: " +
                    $"{error.Message}\n{string.Join('\n', _output)}",
                    error);
            }
        }
    }

    /// <summary><c>node_modules/.bin/azurite-blob</c> in the repository root or a parent, else <c>azurite-blob</c> on PATH.</summary>
    private static string? FindAzurite()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var local = Path.Combine(directory.FullName, "node_modules", ".bin", "azurite-blob");
            if (File.Exists(local))
            {
                return local;
            }
        }

        return (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, "azurite-blob"))
            .FirstOrDefault(File.Exists);
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
