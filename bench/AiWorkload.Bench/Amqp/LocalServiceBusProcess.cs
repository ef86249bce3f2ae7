using System.Diagnostics;
using System.Globalization;
using AiWorkload.Messaging.Topology;
using AiWorkload.Messaging.Topology.EmulatorConfig;

namespace AiWorkload.Bench.Amqp;

/// <summary>
/// The AiWorkload.ServiceBus host (Release) as its own process, provisioned from an emulator Config.json: the face is
/// measured as it is deployed, out of the client's process, just as RabbitMQ runs in its own.
/// </summary>
internal sealed class LocalServiceBusProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _dataDirectory;

    private LocalServiceBusProcess(Process process, string dataDirectory, int port)
    {
        _process = process;
        _dataDirectory = dataDirectory;
        ConnectionString = $"Endpoint=sb://127.0.0.1:{port};SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=SAS_KEY_VALUE;UseDevelopmentEmulator=true;";
    }

    public string ConnectionString { get; }

    public static async Task<LocalServiceBusProcess> StartAsync(string hostDll, TopologyModel topology, CancellationToken cancellationToken)
    {
        var dataDirectory = Directory.CreateTempSubdirectory("aiw-bench-face-").FullName;
        var config = Path.Combine(dataDirectory, "Config.json");
        await File.WriteAllTextAsync(config, EmulatorConfigWriter.Write(topology).Json, cancellationToken);
        var port = HostStartupProbe.FreeLoopbackPort();
        var start = new ProcessStartInfo("dotnet")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = dataDirectory,
        };
        foreach (var argument in (string[])[hostDll, "--config", config, "--data-dir", Path.Combine(dataDirectory, "store"),
                     "--amqp-port", port.ToString(CultureInfo.InvariantCulture), "--http-port", HostStartupProbe.FreeLoopbackPort().ToString(CultureInfo.InvariantCulture),
                     "--Logging:LogLevel:Default", "Warning"])
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the host.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await HostStartupProbe.WaitForPortAsync(process, port, cancellationToken);
        return new LocalServiceBusProcess(process, dataDirectory, port);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync(CancellationToken.None);
        _process.Dispose();
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
