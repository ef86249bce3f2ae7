using System.Collections.Concurrent;
using System.Diagnostics;
using AiWorkload.Bench.Amqp;

namespace AiWorkload.Bench.Api;

/// <summary>
/// An ASP.NET Core host (a Release build) as a child process on loopback. The product and the ceiling are both started
/// this way, with the same environment, so neither shares this process's thread pool or GC with the load generator.
/// </summary>
internal sealed class WebHostProcess : IAsyncDisposable
{
    private const int KeptOutputLines = 20;

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output;

    private WebHostProcess(string name, Process process, ConcurrentQueue<string> output, Uri baseAddress)
    {
        Name = name;
        _process = process;
        _output = output;
        BaseAddress = baseAddress;
    }

    public string Name { get; }

    public Uri BaseAddress { get; }

    public int ProcessId => _process.Id;

    /// <summary>User + system CPU the host has used so far; over a run, divided by its requests, what one request costs the server.</summary>
    public TimeSpan CpuTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    /// <summary>The host's last lines of output, to explain a failure without flooding the report.</summary>
    public string RecentOutput => string.Join(Environment.NewLine, _output);

    public static async Task<WebHostProcess> StartAsync(
        string name,
        string dll,
        IEnumerable<string> arguments,
        IReadOnlyDictionary<string, string> environment,
        string workingDirectory,
        CancellationToken cancellationToken)
    {
        var port = HostStartupProbe.FreeLoopbackPort();
        var url = $"http://127.0.0.1:{port}";
        var start = new ProcessStartInfo("dotnet")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory,
        };
        start.ArgumentList.Add(dll);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(url);

        // Both hosts run as deployed: Production, whatever the shell that started the bench says.
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var output = new ConcurrentQueue<string>();
        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {name}.");
        process.OutputDataReceived += (_, e) => Keep(output, e.Data);
        process.ErrorDataReceived += (_, e) => Keep(output, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var host = new WebHostProcess(name, process, output, new Uri(url + "/"));
        try
        {
            await HostStartupProbe.WaitForPortAsync(process, port, cancellationToken);
            return host;
        }
        catch (Exception error) when (error is InvalidOperationException or TimeoutException)
        {
            var recent = host.RecentOutput;
            await host.DisposeAsync();
            throw new InvalidOperationException($"{name} did not start: {error.Message}{Environment.NewLine}{recent}", error);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync(CancellationToken.None);
        _process.Dispose();
    }

    private static void Keep(ConcurrentQueue<string> output, string? line)
    {
        if (line is null)
        {
            return;
        }

        output.Enqueue(line);
        while (output.Count > KeptOutputLines && output.TryDequeue(out _))
        {
        }
    }
}
