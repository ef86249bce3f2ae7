using System.Collections.Concurrent;
using System.Diagnostics;

namespace AiWorkload.Training.Tests.Retraining.Infrastructure;

/// <summary>
/// The retraining service in a child process (AiWorkload.Training.CrashHost), driven over stdin and watched over stdout,
/// so a test can SIGKILL it in the middle of a job: no finalizers, no flush, no clean shutdown.
/// </summary>
internal sealed class CrashHostProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _lines = new();
    private readonly ConcurrentQueue<string> _errors = new();

    private CrashHostProcess(Process process) => _process = process;

    public IReadOnlyList<string> Lines => [.. _lines];

    public static async Task<CrashHostProcess> StartAsync(IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "AiWorkload.Training.CrashHost.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var child = new CrashHostProcess(Process.Start(start)!);
        child._process.OutputDataReceived += (_, e) => { if (e.Data is not null) { child._lines.Enqueue(e.Data); } };
        child._process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { child._errors.Enqueue(e.Data); } };
        child._process.BeginOutputReadLine();
        child._process.BeginErrorReadLine();
        await child.WaitForLineAsync("READY");
        return child;
    }

    public async Task SendAsync(string command)
    {
        await _process.StandardInput.WriteLineAsync(command);
        await _process.StandardInput.FlushAsync();
    }

    public async Task WaitForLineAsync(string line, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (!_lines.Contains(line))
        {
            if (_process.HasExited)
            {
                await Task.Delay(200); // the last lines may still be on their way
                Assert.True(_lines.Contains(line), $"the child exited with code {_process.ExitCode} before '{line}'; stdout:\n{string.Join('\n', _lines)}\nstderr:\n{string.Join('\n', _errors)}");
                return;
            }

            Assert.True(DateTime.UtcNow < deadline, $"no '{line}' from the child; stdout:\n{string.Join('\n', _lines)}\nstderr:\n{string.Join('\n', _errors)}");
            await Task.Delay(10);
        }
    }

    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true); // SIGKILL on Linux, for the trainer's process tree too
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            await KillAsync();
        }

        _process.Dispose();
    }
}
