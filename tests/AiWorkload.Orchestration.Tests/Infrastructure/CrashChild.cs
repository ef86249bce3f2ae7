using System.Collections.Concurrent;
using System.Diagnostics;

namespace AiWorkload.Orchestration.Tests.Infrastructure;

/// <summary>The orchestration crash host as a child process: its stdout lines, a way to talk to it, and SIGKILL.</summary>
internal sealed class CrashChild : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _errors = new();

    private CrashChild(Process process)
    {
        _process = process;
    }

    public ConcurrentQueue<string> Lines { get; } = new();

    public static async Task<CrashChild> StartAsync(string dataDirectory, bool holdTraining = false)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "AiWorkload.Orchestration.CrashHost.dll"));
        start.ArgumentList.Add(dataDirectory);
        if (holdTraining)
        {
            start.ArgumentList.Add("hold");
        }

        var child = new CrashChild(Process.Start(start)!);
        child._process.OutputDataReceived += (_, e) => { if (e.Data is not null) { child.Lines.Enqueue(e.Data); } };
        child._process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { child._errors.Enqueue(e.Data); } };
        child._process.BeginOutputReadLine();
        child._process.BeginErrorReadLine();
        await child.WaitForAsync(lines => lines.Contains("READY"), "READY");
        return child;
    }

    public Task SendAsync(string command) => _process.StandardInput.WriteLineAsync(command);

    public async Task WaitForAsync(Func<IReadOnlyCollection<string>, bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!condition(Lines))
        {
            Assert.False(_process.HasExited, $"the crash host exited while waiting for {what}: {string.Join(Environment.NewLine, _errors)}");
            Assert.True(DateTime.UtcNow < deadline, $"the crash host never printed {what}; stderr: {string.Join(Environment.NewLine, _errors)}");
            await Task.Delay(5);
        }
    }

    /// <summary>SIGKILL on Linux: no shutdown, no flush, no finalizers.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        await Task.Delay(50); // the last buffered stdout lines
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }
}
