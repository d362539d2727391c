using System.Diagnostics;

namespace BotTriage.Testing;

/// <summary>
/// A throwaway PostgreSQL cluster from <c>tests/setup/postgres.sh</c>. <see cref="Shared"/> is the one
/// <c>tests/run.sh</c> started (its variables are set), or else one this test process starts the same way and
/// destroys when it exits; <see cref="StartOwn"/> starts a cluster for one test that stops and starts it.
/// </summary>
public sealed class PostgresTestCluster : IDisposable
{
    /// <summary>The variable holding a superuser connection string for the test cluster.</summary>
    public const string ConnectionStringVariable = "BOTTRIAGE_TEST_POSTGRES";

    /// <summary>The variable naming the script that stops, starts and destroys the test cluster.</summary>
    public const string ControlScriptVariable = "BOTTRIAGE_TEST_POSTGRES_CTL";

    private static readonly Lazy<PostgresTestCluster> SharedCluster = new(OpenShared, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly string _controlScript;
    private readonly bool _owned;

    private PostgresTestCluster(string connectionString, string controlScript, bool owned)
    {
        ConnectionString = connectionString;
        _controlScript = controlScript;
        _owned = owned;
    }

    /// <summary>A superuser connection string for the cluster's <c>postgres</c> database.</summary>
    public string ConnectionString { get; }

    public static PostgresTestCluster Shared => SharedCluster.Value;

    /// <summary>Starts a cluster of the caller's own; dispose it to destroy it.</summary>
    public static PostgresTestCluster StartOwn() => RunSetupScript();

    /// <summary>Stops the server (a fast shutdown, as a restart does): every open connection is cut.</summary>
    public Task StopAsync() => ControlAsync("stop");

    public Task StartAsync() => ControlAsync("start");

    public void Dispose()
    {
        if (_owned)
        {
            ControlAsync("destroy").GetAwaiter().GetResult();
        }
    }

    private static PostgresTestCluster OpenShared()
    {
        if (Environment.GetEnvironmentVariable(ConnectionStringVariable) is { Length: > 0 } connectionString
            && Environment.GetEnvironmentVariable(ControlScriptVariable) is { Length: > 0 } controlScript)
        {
            return new PostgresTestCluster(connectionString, controlScript, owned: false);
        }

        var cluster = RunSetupScript();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => cluster.Dispose();
        return cluster;
    }

    private static PostgresTestCluster RunSetupScript()
    {
        var script = FindSetupScript();
        using var process = Process.Start(new ProcessStartInfo("bash", [script, "--owner", Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture)])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        }) ?? throw new InvalidOperationException($"bash {script} did not start.");
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        var values = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.Split('=', 2))
            .Where(parts => parts.Length == 2)
            .ToDictionary(parts => parts[0], parts => parts[1], StringComparer.Ordinal);
        if (process.ExitCode != 0
            || !values.TryGetValue(ConnectionStringVariable, out var connectionString)
            || !values.TryGetValue(ControlScriptVariable, out var controlScript))
        {
            throw new InvalidOperationException(
                $"The PostgreSQL tests could not start a test cluster with {script} (exit code {process.ExitCode}): {error.Result}"
                + $" Run `bash tests/run.sh`, or `source tests/setup/postgres.sh` before `dotnet test`.");
        }

        return new PostgresTestCluster(connectionString, controlScript, owned: true);
    }

    private static string FindSetupScript()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "tests", "setup", "postgres.sh");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException(
            $"The PostgreSQL tests need a test cluster: {ConnectionStringVariable} is not set and tests/setup/postgres.sh was not found "
            + "above the test folder. Run `bash tests/run.sh`, or `source tests/setup/postgres.sh` before `dotnet test`.");
    }

    private async Task ControlAsync(string action)
    {
        using var process = Process.Start(new ProcessStartInfo(_controlScript, [action]) { RedirectStandardError = true, UseShellExecute = false })
            ?? throw new InvalidOperationException($"{_controlScript} did not start.");
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{_controlScript} {action} failed with exit code {process.ExitCode}: {error}");
        }
    }
}
