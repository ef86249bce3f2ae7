// Targets Microsoft.Playwright 1.64.1: Playwright.CreateAsync, IBrowserType.LaunchAsync(BrowserTypeLaunchOptions { ExecutablePath }).
using Microsoft.Playwright;

namespace AiWorkload.AppHost.Tests;

/// <summary>
/// Chromium as installed by the system (Debian's <c>chromium</c> package, which <c>.ci/run</c> installs), driven by Playwright;
/// no browser download. <c>AIWORKLOAD_CHROMIUM</c> names another binary.
/// </summary>
internal sealed class DashboardBrowser : IAsyncDisposable
{
    private static readonly string[] Candidates = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];

    private readonly IPlaywright _playwright;

    private DashboardBrowser(IPlaywright playwright, IBrowser browser)
    {
        _playwright = playwright;
        Browser = browser;
    }

    public IBrowser Browser { get; }

    public static async Task<DashboardBrowser> LaunchAsync()
    {
        var executable = Environment.GetEnvironmentVariable("AIWORKLOAD_CHROMIUM") is { Length: > 0 } configured
            ? configured
            : Candidates.FirstOrDefault(File.Exists)
              ?? throw new InvalidOperationException("No Chromium found: install Debian's chromium package (see .ci/run) or set AIWORKLOAD_CHROMIUM.");
        var playwright = await Playwright.CreateAsync();
        try
        {
            var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = executable, Headless = true });
            return new DashboardBrowser(playwright, browser);
        }
        catch
        {
            playwright.Dispose();
            throw;
        }
    }

    /// <summary>Where screenshots go: <c>AIWORKLOAD_TEST_ARTIFACTS</c> (CI sets it next to the test reports), else the test's output folder.</summary>
    public static string ArtifactPath(string fileName)
    {
        var directory = Environment.GetEnvironmentVariable("AIWORKLOAD_TEST_ARTIFACTS") is { Length: > 0 } configured
            ? configured
            : Path.Combine(AppContext.BaseDirectory, "artifacts");
        Directory.CreateDirectory(directory);
        return Path.Combine(directory, fileName);
    }

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright.Dispose();
    }
}
