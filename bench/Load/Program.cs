// Load test for the BotTriage host. For each storage provider it starts the Release server (`dotnet
// BotTriage.Web.dll`, so /proc/PID/status is the server's own memory) on a free loopback port, drives the full
// triage of conversation.txt with the socket client (or wrk and triage.lua; every reply checked against the
// script), and prints turns/s, p50/p99 latency, the
// server's CPU use and peak memory. Then a probe process hosts the same app in-process and measures the managed
// memory an idle conversation keeps, after forced full collections. Bounded in time; talks to 127.0.0.1 only.
// Provider `postgres` starts two servers on one throwaway PostgreSQL cluster (tests/setup/postgres.sh) and splits
// the connections between them: several instances behind one endpoint.
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using BotTriage.Bench;
using BotTriage.Bench.Load;

if (args is ["--probe", var probeProvider, var probeCount])
{
    await MemoryProbe.RunAsync(probeProvider, int.Parse(probeCount, CultureInfo.InvariantCulture));
    return;
}

var options = BenchOptions.Parse(args);
var root = FindRepoRoot();
Console.WriteLine($"building the server (Release) in {root}");
Run("dotnet", $"build -c Release \"{Path.Combine(root, "src/BotTriage.Web")}\" -v q -nologo", root);
var dll = Path.Combine(root, "src/BotTriage.Web/bin/Release/net10.0/BotTriage.Web.dll");
var lua = Path.Combine(AppContext.BaseDirectory, "triage.lua");
var conversationFile = Path.Combine(AppContext.BaseDirectory, "conversation.txt");
var script = ConversationScript.Load(conversationFile);
Console.WriteLine(options.Client == "wrk"
    ? $"{Environment.ProcessorCount} cores, .NET {Environment.Version}, {DateTime.Now:yyyy-MM-dd}; wrk -t{options.Connections} -c{options.Connections} (one connection per wrk thread), sharing the cores with the server"
    : $"{Environment.ProcessorCount} cores, .NET {Environment.Version}, {DateTime.Now:yyyy-MM-dd}; the socket client, {options.Connections} connections on one thread, sharing the cores with the server");

foreach (var provider in options.Providers)
{
    await RunLoadAsync(provider);
    if (options.Idle > 0 && provider != "postgres")
    {
        RunProbe(provider);
    }
}

async Task RunLoadAsync(string provider)
{
    if (provider == "postgres")
    {
        await RunInstancesAsync();
        return;
    }

    var port = FreePort();
    var dataDirectory = Directory.CreateTempSubdirectory("bottriage-load-").FullName;
    var start = new ProcessStartInfo("dotnet", $"\"{dll}\" --urls http://127.0.0.1:{port}")
    {
        WorkingDirectory = Path.GetDirectoryName(dll)!,
        RedirectStandardOutput = true,
        RedirectStandardError = true,
        UseShellExecute = false,
    };
    start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
    start.Environment["Storage__Provider"] = provider;
    start.Environment["Storage__DataDirectory"] = dataDirectory;
    start.Environment["Logging__LogLevel__Default"] = "Warning";

    using var server = Process.Start(start)!;
    server.OutputDataReceived += (_, _) => { };
    server.ErrorDataReceived += (_, e) => { if (e.Data is not null) { Console.Error.WriteLine("server: " + e.Data); } };
    server.BeginOutputReadLine();
    server.BeginErrorReadLine();
    try
    {
        using (var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") })
        {
            await WaitHealthyAsync(client);
        }

        var rssStart = ReadStatus(server.Id, "VmRSS");
        Drive(port, "warm", options.WarmupSeconds);
        var cpuBefore = ReadCpuSeconds(server.Id);
        var result = Drive(port, "run", options.Seconds);
        var cpuAfter = ReadCpuSeconds(server.Id);
        var rssAfter = ReadStatus(server.Id, "VmRSS");
        var peak = ReadStatus(server.Id, "VmHWM");
        var storedBytes = Directory.EnumerateFiles(dataDirectory).Sum(f => new FileInfo(f).Length);

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
            provider {provider}: full triage, {options.Connections} connections, {options.Seconds} s after {options.WarmupSeconds} s warm-up
              load       {Offered(result.Behind)}
              turns/s    {result.Requests / result.Seconds:N0}  ({result.Requests} turns, {result.Conversations} conversations completed, {result.Errors + result.SocketErrors + result.Non2xx} errors)
              latency    p50 {result.P50:F2} ms  p99 {result.P99:F2} ms  max {result.Max:F2} ms
              server CPU {(cpuAfter - cpuBefore) / result.Seconds:F2} of {Environment.ProcessorCount} cores (the rest: the client and the kernel)
              memory     peak {peak / 1024.0:F0} MB (VmHWM); RSS {rssStart / 1024.0:F0} MB at start, {rssAfter / 1024.0:F0} MB after; {storedBytes / 1024.0 / 1024.0:F0} MB on disk
            """));
    }
    finally
    {
        server.Kill(entireProcessTree: true);
        await server.WaitForExitAsync();
        Directory.Delete(dataDirectory, recursive: true);
    }
}

// Two servers on one PostgreSQL database, each driven by its own client with half the connections, at the same time.
async Task RunInstancesAsync()
{
    var (connectionString, control) = StartPostgres();
    var servers = new List<(Process Process, int Port)>();
    var keyEncryptionKey = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
    try
    {
        for (var i = 0; i < 2; i++)
        {
            var port = FreePort();
            var start = new ProcessStartInfo("dotnet", $"\"{dll}\" --urls http://127.0.0.1:{port}")
            {
                WorkingDirectory = Path.GetDirectoryName(dll)!,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
            start.Environment["Storage__Provider"] = "postgres";
            start.Environment["Storage__ConnectionString"] = connectionString;
            start.Environment["DataProtection__KeyEncryptionKey"] = keyEncryptionKey;
            start.Environment["Logging__LogLevel__Default"] = "Warning";
            var server = Process.Start(start)!;
            server.OutputDataReceived += (_, _) => { };
            server.ErrorDataReceived += (_, e) => { if (e.Data is not null) { Console.Error.WriteLine("server: " + e.Data); } };
            server.BeginOutputReadLine();
            server.BeginErrorReadLine();
            servers.Add((server, port));
        }

        foreach (var (_, port) in servers)
        {
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            await WaitHealthyAsync(client);
        }

        var half = Math.Max(1, options.Connections / 2);
        // Each instance gets half the turns, so its just-in-time compiler takes longer to reach optimised code (tier 1)
        // than a single server's does, while two compile at once on the shared cores; --instance-warmup, 30 s unless
        // given (measured with perf: after 5 s almost none of the servers' code had reached tier 1 yet).
        await Task.WhenAll(servers.Select(s => Task.Run(() => Drive(s.Port, "warm", options.InstanceWarmupSeconds, half))));
        var cpuBefore = servers.Sum(s => ReadCpuSeconds(s.Process.Id));
        var results = await Task.WhenAll(servers.Select(s => Task.Run(() => Drive(s.Port, "run", options.Seconds, half, servers.Count))));
        var cpuAfter = servers.Sum(s => ReadCpuSeconds(s.Process.Id));
        var seconds = results.Average(r => r.Seconds);
        var requests = results.Sum(r => r.Requests);
        var errors = results.Sum(r => r.Errors + r.SocketErrors + r.Non2xx);
        var peaks = string.Join(" and ", servers.Select(s => (ReadStatus(s.Process.Id, "VmHWM") / 1024.0).ToString("F0", CultureInfo.InvariantCulture) + " MB"));

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
            provider postgres, 2 instances: full triage, {half} connections to each, {options.Seconds} s after {options.InstanceWarmupSeconds} s warm-up ({options.PostgresOptions})
              load       {Offered(results.Sum(r => r.Behind))}
              turns/s    {requests / seconds:N0}  ({requests} turns, {results.Sum(r => r.Conversations)} conversations completed, {errors} errors)
              latency    p50 {results.Max(r => r.P50):F2} ms  p99 {results.Max(r => r.P99):F2} ms  max {results.Max(r => r.Max):F2} ms (the slower instance's)
              server CPU {(cpuAfter - cpuBefore) / seconds:F2} of {Environment.ProcessorCount} cores for both instances (the rest: PostgreSQL, the client and the kernel)
              memory     peak {peaks} (VmHWM)
            """));
    }
    finally
    {
        foreach (var (server, _) in servers)
        {
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync();
            server.Dispose();
        }

        Run(control, "destroy", root);
    }
}

(string ConnectionString, string Control) StartPostgres()
{
    var script = Path.Combine(root, "tests/setup/postgres.sh");
    var start = new ProcessStartInfo("bash", [script, "--owner", Environment.ProcessId.ToString(CultureInfo.InvariantCulture)])
    {
        RedirectStandardOutput = true,
        UseShellExecute = false,
    };
    using var process = Process.Start(start)!;
    var output = process.StandardOutput.ReadToEnd();
    process.WaitForExit();
    var values = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1]);
    if (process.ExitCode != 0 || !values.TryGetValue("BOTTRIAGE_TEST_POSTGRES", out var connectionString) || !values.TryGetValue("BOTTRIAGE_TEST_POSTGRES_CTL", out var control))
    {
        throw new InvalidOperationException($"{script} could not start a PostgreSQL cluster (exit code {process.ExitCode}).");
    }

    // Appended to each instance's connection string (--postgres-options).
    return (connectionString + ";" + options.PostgresOptions, control);
}

// One run of the load against one server: the socket client unless --client wrk.
// The warm-up runs as fast as the server answers; the measured run at --rate, when given, shared by the clients.
LoadResult Drive(int port, string run, int seconds, int? connections = null, int clients = 1)
{
    var count = connections ?? options.Connections;
    var rate = run == "warm" ? 0 : options.Rate / clients;
    return options.Client == "wrk"
        ? RunWrk(port, run, seconds, count)
        : SocketClient.Run(port, count, seconds, run + "-" + Guid.NewGuid().ToString("N")[..8], script, rate);
}

// What the run asked of the server: as fast as it answers, or the schedule's rate and whether the clients kept it.
string Offered(long behind) => options.Rate > 0
    ? string.Create(CultureInfo.InvariantCulture, $"offered {options.Rate:N0} turns/s on a fixed schedule, latency from each turn's scheduled time; {behind} turns never sent (no connection free)")
    : "closed loop: each connection sends its next turn when its reply is in";

LoadResult RunWrk(int port, string run, int seconds, int threads)
{
    var start = new ProcessStartInfo(options.Wrk, $"-t{threads} -c{threads} -d{seconds}s --timeout 10s -s \"{lua}\" http://127.0.0.1:{port} -- \"{conversationFile}\"")
    {
        RedirectStandardOutput = true,
        RedirectStandardError = true,
        UseShellExecute = false,
    };
    start.Environment["BOTTRIAGE_RUN"] = run + "-" + Guid.NewGuid().ToString("N")[..8];
    using var wrk = Process.Start(start) ?? throw new InvalidOperationException("wrk did not start; apt-get install -y wrk");
    var errors = wrk.StandardError.ReadToEndAsync();
    var output = wrk.StandardOutput.ReadToEnd();
    wrk.WaitForExit();
    if (errors.Result.Length > 0)
    {
        Console.Error.Write(errors.Result);
    }

    var line = output.Split('\n').FirstOrDefault(l => l.StartsWith("RESULT ", StringComparison.Ordinal))
        ?? throw new InvalidOperationException("wrk printed no result:\n" + output);
    var fields = line[7..].Split(' ').Select(f => f.Split('=')).ToDictionary(f => f[0], f => double.Parse(f[1], CultureInfo.InvariantCulture));
    return new LoadResult(
        (long)fields["requests"], fields["seconds"], (long)fields["errors"], (long)fields["conversations"],
        fields["p50"], fields["p99"], fields["max"], (long)fields["socket_errors"], (long)fields["non2xx"]);
}

void RunProbe(string provider)
{
    var start = new ProcessStartInfo("dotnet", $"\"{typeof(MemoryProbe).Assembly.Location}\" --probe {provider} {options.Idle}")
    {
        UseShellExecute = false,
    };
    start.Environment["DOTNET_gcServer"] = "1";
    using var probe = Process.Start(start)!;
    probe.WaitForExit();
    if (probe.ExitCode != 0)
    {
        throw new InvalidOperationException($"the memory probe for {provider} failed with {probe.ExitCode}");
    }
}

static long ReadStatus(int pid, string field)
{
    foreach (var line in File.ReadLines($"/proc/{pid}/status"))
    {
        if (line.StartsWith(field + ":", StringComparison.Ordinal))
        {
            return long.Parse(line[(field.Length + 1)..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
        }
    }

    return 0;
}

// utime + stime of the process, from /proc/PID/stat (fields 14 and 15, in clock ticks of 1/100 s on Linux).
static double ReadCpuSeconds(int pid)
{
    var stat = File.ReadAllText($"/proc/{pid}/stat");
    var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
    return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / 100.0;
}

static async Task WaitHealthyAsync(HttpClient client)
{
    for (var i = 0; i < 300; i++)
    {
        try
        {
            using var response = await client.GetAsync(new Uri("/healthz", UriKind.Relative));
            if (response.IsSuccessStatusCode)
            {
                return;
            }
        }
        catch (HttpRequestException)
        {
            // Not listening yet.
        }

        await Task.Delay(100);
    }

    throw new TimeoutException("The server did not become healthy in 30 s.");
}

static int FreePort()
{
    using var listener = new TcpListener(IPAddress.Loopback, 0);
    listener.Start();
    return ((IPEndPoint)listener.LocalEndpoint).Port;
}

static string FindRepoRoot()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "BotTriage.sln")))
        {
            return dir.FullName;
        }
    }

    throw new InvalidOperationException("Run from inside the BotTriage repository.");
}

static void Run(string file, string arguments, string directory)
{
    using var process = Process.Start(new ProcessStartInfo(file, arguments) { WorkingDirectory = directory })!;
    process.WaitForExit();
    if (process.ExitCode != 0)
    {
        throw new InvalidOperationException($"{file} {arguments} failed with {process.ExitCode}.");
    }
}

internal sealed record BenchOptions(string[] Providers, int Seconds, int WarmupSeconds, int Connections, int Idle, string Wrk, string PostgresOptions, int InstanceWarmupSeconds = 30, string Client = "sockets", double Rate = 0)
{
    public static BenchOptions Parse(string[] args)
    {
        var options = new BenchOptions(["memory", "sqlite"], 20, 20, 50, 5000, "wrk", "Maximum Pool Size=60");
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            options = args[i] switch
            {
                "--provider" => options with { Providers = args[i + 1].Split(',') },
                "--seconds" => options with { Seconds = Math.Clamp(int.Parse(args[i + 1], CultureInfo.InvariantCulture), 1, 120) },
                "--warmup" => options with { WarmupSeconds = Math.Clamp(int.Parse(args[i + 1], CultureInfo.InvariantCulture), 1, 60) },
                "--connections" => options with { Connections = Math.Clamp(int.Parse(args[i + 1], CultureInfo.InvariantCulture), 1, 200) },
                "--idle" => options with { Idle = Math.Clamp(int.Parse(args[i + 1], CultureInfo.InvariantCulture), 0, 100_000) },
                "--wrk" => options with { Wrk = args[i + 1] },
                "--client" => args[i + 1] is "sockets" or "wrk" ? options with { Client = args[i + 1] } : throw new ArgumentException("--client is sockets or wrk"),
                "--instance-warmup" => options with { InstanceWarmupSeconds = Math.Clamp(int.Parse(args[i + 1], CultureInfo.InvariantCulture), 1, 120) },
                "--postgres-options" => options with { PostgresOptions = args[i + 1] },
                "--rate" => options with { Rate = Math.Clamp(double.Parse(args[i + 1], CultureInfo.InvariantCulture), 0, 1_000_000) },
                _ => throw new ArgumentException($"unknown option {args[i]}"),
            };
        }

        return options.Rate > 0 && options.Client == "wrk"
            ? throw new ArgumentException("--rate needs the socket client (wrk runs a closed loop)")
            : options;
    }
}
