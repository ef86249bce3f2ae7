using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using AiWorkload.Messaging.Amqp;
using AiWorkload.Messaging.Topology;
using Azure.Messaging.ServiceBus;

namespace AiWorkload.Bench.Amqp;

/// <summary>
/// The AiWorkload.ServiceBus host process (Release build): time from process start to its AMQP port accepting TCP,
/// polled every 10 ms with a fresh data directory each start, and its resident memory a few seconds after start with
/// one idle SDK connection open.
/// </summary>
internal static class HostStartupProbe
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(10);
    private static readonly TimeSpan StartupTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan IdleSettle = TimeSpan.FromSeconds(3);

    public static string? FindHostDll()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var dll = Path.Combine(directory.FullName, "AiWorkload.ServiceBus", "bin", "Release", "net10.0", "AiWorkload.ServiceBus.dll");
            if (File.Exists(dll))
            {
                return dll;
            }
        }

        return null;
    }

    /// <summary>Returns the start-up times in ms and the idle RSS in KiB measured after the last start.</summary>
    public static async Task<(List<double> StartMs, long IdleRssKiB)> MeasureAsync(string hostDll, int starts, CancellationToken cancellationToken)
    {
        var times = new List<double>();
        long rss = 0;
        for (var i = 0; i < starts; i++)
        {
            var last = i == starts - 1;
            var dataDirectory = Directory.CreateTempSubdirectory("aiw-bench-host-").FullName;
            var amqpPort = FreeLoopbackPort();
            var start = new ProcessStartInfo("dotnet")
            {
                UseShellExecute = false,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                WorkingDirectory = dataDirectory,
            };
            foreach (var argument in (string[])[hostDll, "--data-dir", dataDirectory, "--amqp-port", amqpPort.ToString(CultureInfo.InvariantCulture), "--http-port", FreeLoopbackPort().ToString(CultureInfo.InvariantCulture)])
            {
                start.ArgumentList.Add(argument);
            }

            var clock = Stopwatch.StartNew();
            using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the host.");
            process.OutputDataReceived += (_, _) => { };
            process.ErrorDataReceived += (_, _) => { };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            try
            {
                await WaitForPortAsync(process, amqpPort, cancellationToken);
                times.Add(clock.Elapsed.TotalMilliseconds);
                if (last)
                {
                    rss = await IdleRssAsync(process, amqpPort, cancellationToken);
                }
            }
            finally
            {
                if (!process.HasExited)
                {
                    process.Kill(entireProcessTree: true);
                }

                await process.WaitForExitAsync(CancellationToken.None);
                TryDelete(dataDirectory);
            }
        }

        return (times, rss);
    }

    internal static async Task WaitForPortAsync(Process process, int port, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < StartupTimeout)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The host exited with code {process.ExitCode} before accepting connections.");
            }

            using var client = new TcpClient(AddressFamily.InterNetwork);
            try
            {
                await client.ConnectAsync(IPAddress.Loopback, port, cancellationToken);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(PollInterval, cancellationToken);
            }
        }

        throw new TimeoutException($"The host did not accept connections on port {port} within {StartupTimeout.TotalSeconds:0}s.");
    }

    private static async Task<long> IdleRssAsync(Process process, int amqpPort, CancellationToken cancellationToken)
    {
        var options = new AmqpServiceBusOptions { Port = amqpPort, HostName = "127.0.0.1" };
        await using var client = new ServiceBusClient(options.ConnectionString());
        await using var receiver = client.CreateReceiver(WorkloadTopology.PipelineRunsQueue);
        await receiver.PeekMessageAsync(cancellationToken: cancellationToken); // opens the connection, then it idles
        await Task.Delay(IdleSettle, cancellationToken);
        var line = File.ReadLines($"/proc/{process.Id}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
    }

    internal static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void TryDelete(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
