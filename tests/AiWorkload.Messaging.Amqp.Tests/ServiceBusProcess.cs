using System.Diagnostics;
using System.Net.Sockets;

namespace AiWorkload.Messaging.Amqp.Tests;

/// <summary>The real local Service Bus host as a child process, on fixed ports and a data directory that outlive it.</summary>
public sealed class ServiceBusProcess : IDisposable
{
    private readonly Process _process;

    private ServiceBusProcess(Process process) => _process = process;

    public static async Task<ServiceBusProcess> StartAsync(string dataDirectory, int amqpPort, int httpPort, string? configFile = null)
    {
        var host = Path.Combine(AppContext.BaseDirectory, "AiWorkload.ServiceBus.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { host, "--data-dir", dataDirectory, "--amqp-port", amqpPort.ToString(System.Globalization.CultureInfo.InvariantCulture), "--http-port", httpPort.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        if (configFile is not null)
        {
            start.ArgumentList.Add("--config");
            start.ArgumentList.Add(configFile);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("The host process did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The host exited with code {process.ExitCode} before accepting connections.");
            }

            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync("127.0.0.1", amqpPort);
                return new ServiceBusProcess(process);
            }
            catch (SocketException)
            {
                await Task.Delay(20);
            }
        }

        process.Kill(entireProcessTree: true);
        throw new TimeoutException("The host did not accept AMQP connections within 30 s.");
    }

    /// <summary>SIGKILL: no shutdown hook runs, exactly like a crash.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            Kill();
        }

        _process.Dispose();
    }
}
