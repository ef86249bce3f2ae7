using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace AiWorkload.Bench.Broker;

/// <summary>
/// A private RabbitMQ node started from the distribution's scripts, so the benchmark runs on a machine where the package
/// is merely installed: its own node name, data, logs, Erlang cookie (HOME) and epmd port, all in a temp directory and
/// bound to 127.0.0.1. Nothing of a system-wide RabbitMQ instance is used or touched.
/// </summary>
internal sealed class RabbitMqServer : IAsyncDisposable
{
    public const string NodeName = "aiwbench@localhost";

    private const int OutputLinesKept = 40;

    private static readonly TimeSpan StartupTimeout = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(30);

    private readonly Process _process;
    private readonly string _baseDirectory;
    private readonly string _ctlPath;
    private readonly IReadOnlyDictionary<string, string> _environment;
    private readonly ConcurrentQueue<string> _output = new();
    private readonly EventHandler _killOnExit;
    private bool _disposed;

    private RabbitMqServer(Process process, string baseDirectory, string ctlPath, IReadOnlyDictionary<string, string> environment, int amqpPort)
    {
        _process = process;
        _baseDirectory = baseDirectory;
        _ctlPath = ctlPath;
        _environment = environment;
        AmqpPort = amqpPort;

        // Last resort if the bench dies without reaching DisposeAsync: never leave a broker running behind.
        _killOnExit = (_, _) => KillNode();
        AppDomain.CurrentDomain.ProcessExit += _killOnExit;
    }

    public int AmqpPort { get; }

    /// <summary>
    /// Debian's /usr/sbin/rabbitmq-server is a wrapper that switches to the rabbitmq user and its system directories,
    /// so the real script in /usr/lib/rabbitmq/bin is preferred; elsewhere (tarball, Homebrew) the one on PATH is the real one.
    /// </summary>
    public static string? FindServerScript()
    {
        const string debian = "/usr/lib/rabbitmq/bin/rabbitmq-server";
        if (File.Exists(debian))
        {
            return debian;
        }

        return FindOnPath("rabbitmq-server");
    }

    public static async Task<RabbitMqServer> StartAsync(string serverScript, CancellationToken cancellationToken)
    {
        var ctlPath = Path.Combine(Path.GetDirectoryName(serverScript)!, "rabbitmqctl");
        var baseDirectory = Directory.CreateTempSubdirectory("aiw-bench-rabbitmq-").FullName;
        var amqpPort = FreeLoopbackPort();
        var environment = CreateEnvironment(baseDirectory, amqpPort);

        var start = new ProcessStartInfo(serverScript)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = baseDirectory,
        };
        Isolate(start, environment);

        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {serverScript}.");
        var server = new RabbitMqServer(process, baseDirectory, ctlPath, environment, amqpPort);
        try
        {
            process.OutputDataReceived += (_, e) => server.Keep(e.Data);
            process.ErrorDataReceived += (_, e) => server.Keep(e.Data);
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            process.StandardInput.Close();
            await server.WaitForAmqpAsync(cancellationToken);
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        AppDomain.CurrentDomain.ProcessExit -= _killOnExit;
        if (!_process.HasExited)
        {
            // A clean stop lets the node flush and deregister; killing is the fallback for a node that does not answer.
            await RunToolAsync(_ctlPath, ["-n", NodeName, "stop"], StopTimeout);
            using var wait = new CancellationTokenSource(StopTimeout);
            try
            {
                await _process.WaitForExitAsync(wait.Token);
            }
            catch (OperationCanceledException)
            {
                KillNode();
                await _process.WaitForExitAsync(CancellationToken.None);
            }
        }

        // epmd daemonizes, so it is not in the node's process tree; it listens on our private port, so stopping it affects no one else.
        if (FindEpmd() is { } epmd)
        {
            await RunToolAsync(epmd, ["-kill"], TimeSpan.FromSeconds(10));
        }

        _process.Dispose();
        try
        {
            Directory.Delete(_baseDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A late log write may race the delete; a leftover temp directory is harmless.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    /// <summary>The tail of the node's console output, for a failure message that says why it did not come up.</summary>
    public string RecentOutput() => string.Join(Environment.NewLine, _output);

    private static Dictionary<string, string> CreateEnvironment(string baseDirectory, int amqpPort)
    {
        var mnesia = Directory.CreateDirectory(Path.Combine(baseDirectory, "mnesia")).FullName;
        var logs = Directory.CreateDirectory(Path.Combine(baseDirectory, "log")).FullName;
        var enabledPlugins = Path.Combine(baseDirectory, "enabled_plugins");
        File.WriteAllText(enabledPlugins, "[].\n"); // no management plugin or any other: a bare broker
        var envFile = Path.Combine(baseDirectory, "rabbitmq-env.conf");
        File.WriteAllText(envFile, "# Empty on purpose: /etc/rabbitmq/rabbitmq-env.conf must not leak into the private node.\n");
        var config = Path.Combine(baseDirectory, "rabbitmq.conf");
        File.WriteAllText(config, "# Private benchmark node: defaults only, listeners come from the environment.\n");

        // Erlang distribution would otherwise listen on every interface; the benchmark stays on loopback.
        const string loopbackDistribution = "-kernel inet_dist_use_interface {127,0,0,1}";
        var ctlDistPort = FreeLoopbackPort().ToString(System.Globalization.CultureInfo.InvariantCulture);
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["HOME"] = baseDirectory, // the Erlang cookie is created here and shared by the node and rabbitmqctl
            ["RABBITMQ_NODENAME"] = NodeName,
            ["RABBITMQ_NODE_IP_ADDRESS"] = "127.0.0.1",
            ["RABBITMQ_NODE_PORT"] = amqpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["RABBITMQ_DIST_PORT"] = FreeLoopbackPort().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["RABBITMQ_MNESIA_BASE"] = mnesia,
            ["RABBITMQ_LOG_BASE"] = logs,
            ["RABBITMQ_CONFIG_FILE"] = config,
            ["RABBITMQ_ADVANCED_CONFIG_FILE"] = Path.Combine(baseDirectory, "advanced.config"),
            ["RABBITMQ_CONF_ENV_FILE"] = envFile,
            ["RABBITMQ_ENABLED_PLUGINS_FILE"] = enabledPlugins,
            ["RABBITMQ_PLUGINS_EXPAND_DIR"] = Path.Combine(mnesia, "plugins-expand"),
            ["RABBITMQ_PID_FILE"] = Path.Combine(mnesia, "node.pid"),
            ["RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS"] = loopbackDistribution,
            ["RABBITMQ_CTL_ERL_ARGS"] = loopbackDistribution,
            ["RABBITMQ_CTL_DIST_PORT_MIN"] = ctlDistPort,
            ["RABBITMQ_CTL_DIST_PORT_MAX"] = ctlDistPort,

            // A private epmd: a system epmd (or another node called aiwbench) cannot collide with ours.
            ["ERL_EPMD_PORT"] = FreeLoopbackPort().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["ERL_EPMD_ADDRESS"] = "127.0.0.1",
        };
    }

    /// <summary>Inherited RABBITMQ_* or ERL_* settings would point the node at someone else's configuration.</summary>
    private static void Isolate(ProcessStartInfo start, IReadOnlyDictionary<string, string> environment)
    {
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("RABBITMQ_", StringComparison.Ordinal) || k.StartsWith("ERL_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(key);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, name))
            .FirstOrDefault(File.Exists);

    private static string? FindEpmd() =>
        FindOnPath("epmd") ?? (File.Exists("/usr/lib/erlang/bin/epmd") ? "/usr/lib/erlang/bin/epmd" : null);

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        _output.Enqueue(line);
        while (_output.Count > OutputLinesKept && _output.TryDequeue(out _))
        {
        }
    }

    private async Task WaitForAmqpAsync(CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < StartupTimeout)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (_process.HasExited)
            {
                throw new InvalidOperationException(
                    $"rabbitmq-server exited with code {_process.ExitCode} before accepting connections. Its last output:{Environment.NewLine}{RecentOutput()}");
            }

            using var client = new TcpClient(AddressFamily.InterNetwork);
            using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            attempt.CancelAfter(TimeSpan.FromSeconds(1));
            try
            {
                await client.ConnectAsync(IPAddress.Loopback, AmqpPort, attempt.Token);
                return;
            }
            catch (Exception error) when (error is SocketException || (error is OperationCanceledException && !cancellationToken.IsCancellationRequested))
            {
                await Task.Delay(TimeSpan.FromMilliseconds(250), cancellationToken);
            }
        }

        throw new TimeoutException(
            $"RabbitMQ did not accept connections on 127.0.0.1:{AmqpPort} within {StartupTimeout.TotalSeconds:0}s. Its last output:{Environment.NewLine}{RecentOutput()}");
    }

    private async Task RunToolAsync(string path, IReadOnlyList<string> arguments, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(path)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = _baseDirectory,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        Isolate(start, _environment);
        using var tool = Process.Start(start);
        if (tool is null)
        {
            return;
        }

        tool.StandardInput.Close();
        var output = tool.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var errors = tool.StandardError.ReadToEndAsync(CancellationToken.None);
        using var wait = new CancellationTokenSource(timeout);
        try
        {
            await tool.WaitForExitAsync(wait.Token);
            await Task.WhenAll(output, errors);
        }
        catch (OperationCanceledException)
        {
            tool.Kill(entireProcessTree: true);
        }
    }

    private void KillNode()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }
}
