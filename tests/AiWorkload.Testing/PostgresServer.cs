using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace AiWorkload.Testing;

/// <summary>
/// A PostgreSQL server for tests of the shared stores: the one named by AIWORKLOAD_POSTGRES_CONNECTION when set (its user
/// must be allowed to create databases), otherwise a private cluster started once per test process from the installed
/// binaries (Debian's <c>postgresql</c> package; as root through the <c>postgres</c> account, since the server refuses
/// root) on a free loopback port, and stopped once the process is gone. When neither is possible the tests fail with what to
/// install: a store that was never exercised must not look tested.
/// </summary>
public sealed class PostgresServer
{
    public const string ConnectionVariable = "AIWORKLOAD_POSTGRES_CONNECTION";
    public const string BinariesVariable = "AIWORKLOAD_POSTGRES_BIN";

    private const string ServerAccount = "postgres";
    private const string User = "aiworkload";

    private static readonly Lazy<Task<PostgresServer>> Shared = new(StartAsync, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly string _adminConnectionString;

    private PostgresServer(string adminConnectionString) => _adminConnectionString = adminConnectionString;

    /// <summary>A fresh, empty database on the shared server, dropped when the returned handle is disposed.</summary>
    public static async Task<PostgresDatabase> CreateDatabaseAsync()
    {
        var server = await Shared.Value;
        var name = "aiw_" + Guid.NewGuid().ToString("N")[..16];
        await server.ExecuteAsync($"CREATE DATABASE {name}");
        var connectionString = new NpgsqlConnectionStringBuilder(server._adminConnectionString) { Database = name, Pooling = true }.ConnectionString;
        return new PostgresDatabase(connectionString, () => server.ExecuteAsync($"DROP DATABASE IF EXISTS {name} WITH (FORCE)"));
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_adminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<PostgresServer> StartAsync()
    {
        if (Environment.GetEnvironmentVariable(ConnectionVariable) is { Length: > 0 } configured)
        {
            return new PostgresServer(new NpgsqlConnectionStringBuilder(configured) { Pooling = false }.ConnectionString);
        }

        var binaries = FindBinaries() ?? throw new InvalidOperationException(
            "PostgreSQL is not installed, so the shared PostgreSQL stores cannot be tested. Install it (`apt-get install postgresql`), " +
            $"set {BinariesVariable} to the directory holding initdb and postgres, or set {ConnectionVariable} to a server whose user may create databases.");
        var asRoot = Environment.UserName == "root";
        var workspace = Directory.CreateTempSubdirectory("aiw-postgres-").FullName;
        var data = Path.Combine(workspace, "data");
        if (asRoot)
        {
            await RunToEndAsync("chown", ServerAccount, workspace);
        }

        await RunToEndAsync(Command(asRoot, Path.Combine(binaries, "initdb")), [.. Prefix(asRoot), Path.Combine(binaries, "initdb"),
            "--pgdata", data, "--username", User, "--auth", "trust", "--encoding", "UTF8", "--locale", "C", "--no-sync"]);

        var port = FreeLoopbackPort();
        var output = new ConcurrentQueue<string>();
        var start = new ProcessStartInfo(Command(asRoot, "sh")) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        // Durability of the server itself is not under test here: the stores' transactions are.
        foreach (var argument in (string[])[.. Prefix(asRoot), "sh", "-c", Watchdog, "postgres-watchdog", Environment.ProcessId.ToString(CultureInfo.InvariantCulture), workspace,
                     Path.Combine(binaries, "postgres"), "-D", data, "-p", port.ToString(CultureInfo.InvariantCulture),
                     "-k", workspace, "-c", "listen_addresses=127.0.0.1", "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off", "-c", "max_connections=300"])
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start postgres.");
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { output.Enqueue(e.Data); } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { output.Enqueue(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var connectionString = new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = port,
            Username = User,
            Database = "postgres",
            Pooling = false,
        }.ConnectionString;
        await WaitUntilReadyAsync(connectionString, process, output);
        return new PostgresServer(connectionString);
    }

    /// <summary>
    /// Runs postgres ($3…) and, once the test process ($1) is gone however it ended (even killed, when no exit handler
    /// runs), stops it with SIGQUIT, an immediate shutdown that takes its child processes along, and removes the
    /// workspace ($2). Polls /proc because signalling a process of another user is not allowed.
    /// </summary>
    private const string Watchdog = """
        owner="$1"; workspace="$2"; shift 2
        "$@" & server=$!
        while [ -d "/proc/$owner" ] && kill -0 "$server" 2>/dev/null; do sleep 1; done
        kill -QUIT "$server" 2>/dev/null; wait "$server"; rm -rf "$workspace"
        """;

    private static string Command(bool asRoot, string executable) => asRoot ? "runuser" : executable;

    private static string[] Prefix(bool asRoot) => asRoot ? ["-u", ServerAccount, "--"] : [];

    private static async Task WaitUntilReadyAsync(string connectionString, Process process, ConcurrentQueue<string> output)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            try
            {
                await using var connection = new NpgsqlConnection(connectionString);
                await connection.OpenAsync();
                return;
            }
            catch (Exception error) when (error is NpgsqlException or SocketException && DateTime.UtcNow < deadline && !process.HasExited)
            {
                await Task.Delay(50);
            }
            catch (Exception error) when (error is NpgsqlException or SocketException)
            {
                throw new InvalidOperationException(
                    $"PostgreSQL did not accept connections{(process.HasExited ? $" (it exited with code {process.ExitCode})" : string.Empty)}: {error.Message}\n{string.Join('\n', output)}",
                    error);
            }
        }
    }

    private static async Task RunToEndAsync(string executable, params string[] arguments)
    {
        var start = new ProcessStartInfo(executable) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {executable}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{executable} {string.Join(' ', arguments)} exited with code {process.ExitCode}:\n{await stdout}\n{await stderr}");
        }
    }

    /// <summary>AIWORKLOAD_POSTGRES_BIN, else the newest <c>/usr/lib/postgresql/N/bin</c>, else initdb's directory on PATH.</summary>
    private static string? FindBinaries()
    {
        if (Environment.GetEnvironmentVariable(BinariesVariable) is { Length: > 0 } configured)
        {
            return configured;
        }

        const string Debian = "/usr/lib/postgresql";
        if (Directory.Exists(Debian))
        {
            var newest = Directory.GetDirectories(Debian)
                .Select(directory => (Directory: Path.Combine(directory, "bin"), Version: int.TryParse(Path.GetFileName(directory), CultureInfo.InvariantCulture, out var major) ? major : 0))
                .Where(candidate => File.Exists(Path.Combine(candidate.Directory, "initdb")))
                .OrderByDescending(candidate => candidate.Version)
                .FirstOrDefault();
            if (newest.Directory is not null)
            {
                return newest.Directory;
            }
        }

        return (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .FirstOrDefault(directory => File.Exists(Path.Combine(directory, "initdb")));
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
