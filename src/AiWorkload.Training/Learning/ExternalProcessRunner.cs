using System.Diagnostics;

namespace AiWorkload.Training.Learning;

/// <summary>Runs a program to completion with a time limit, killing its whole process tree when it overruns or is cancelled.</summary>
internal static class ExternalProcessRunner
{
    public const int StandardErrorTailLines = 20;
    public const int StandardErrorTailCharacters = 4096;

    // A killed process normally goes within milliseconds; this only bounds the wait if the kernel is slow to reap it.
    private static readonly TimeSpan ExitWaitAfterKill = TimeSpan.FromSeconds(10);

    /// <exception cref="System.ComponentModel.Win32Exception">The program could not be started.</exception>
    public static async Task<ExternalProcessResult> RunAsync(ProcessStartInfo startInfo, TimeSpan? timeout, CancellationToken cancellationToken)
    {
        startInfo.UseShellExecute = false;
        startInfo.RedirectStandardInput = true;
        startInfo.RedirectStandardOutput = true;
        startInfo.RedirectStandardError = true;

        using var process = new Process { StartInfo = startInfo };
        var standardError = new OutputTail(StandardErrorTailLines, StandardErrorTailCharacters);
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                standardError.Add(e.Data);
            }
        };

        // Stdout is read and dropped only so that a chatty program never blocks on a full pipe.
        process.OutputDataReceived += (_, _) => { };
        process.Start();
        process.StandardInput.Close();
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();

        using var timeoutSource = timeout is { } limit ? new CancellationTokenSource(limit) : new CancellationTokenSource();
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeoutSource.Token);
        try
        {
            await process.WaitForExitAsync(linked.Token);
            return new ExternalProcessResult(process.ExitCode, TimedOut: false, standardError.ToString());
        }
        catch (OperationCanceledException) when (linked.IsCancellationRequested)
        {
            await KillTreeAsync(process);
            cancellationToken.ThrowIfCancellationRequested();
            return new ExternalProcessResult(null, TimedOut: true, standardError.ToString());
        }
    }

    private static async Task KillTreeAsync(Process process)
    {
        try
        {
            // Killing only the direct child would orphan its workers (a shell's `python`, a launcher's GPU job).
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It exited between the timeout and the kill; nothing left to stop.
        }

        using var wait = new CancellationTokenSource(ExitWaitAfterKill);
        try
        {
            await process.WaitForExitAsync(wait.Token);
        }
        catch (OperationCanceledException)
        {
            // Do not hang the trainer on a process the kernel has not reaped yet; the kill has been sent.
        }
    }
}
