// Load test for the BotTriage host: starts the Release server on a loopback port, drives many concurrent
// conversations through a scripted triage with deliveryMode expectReplies, and prints turns/s, latency percentiles
// and the server's peak memory. Bounded in conversations and time; talks to 127.0.0.1 only.
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

var options = BenchOptions.Parse(args);
var root = FindRepoRoot();
Console.WriteLine($"building the server (Release) in {root}");
Run("dotnet", $"build -c Release \"{Path.Combine(root, "src/BotTriage.Web")}\" -v q -nologo", root);
var dll = Path.Combine(root, "src/BotTriage.Web/bin/Release/net10.0/BotTriage.Web.dll");

foreach (var provider in options.Providers)
{
    await RunProviderAsync(provider);
}

async Task RunProviderAsync(string provider)
{
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
    start.Environment["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Warning";

    // The server's own process (not a `dotnet run` wrapper), so /proc/PID/status is the server's memory.
    using var server = Process.Start(start)!;
    server.OutputDataReceived += (_, _) => { };
    server.ErrorDataReceived += (_, e) => { if (e.Data is not null) { Console.Error.WriteLine("server: " + e.Data); } };
    server.BeginOutputReadLine();
    server.BeginErrorReadLine();
    try
    {
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = options.Connections, PooledConnectionLifetime = Timeout.InfiniteTimeSpan };
        using var client = new HttpClient(handler) { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) };
        await WaitHealthyAsync(client);

        var rssStart = ReadStatus(server.Id, "VmRSS");
        await DriveAsync(client, options with { Conversations = options.Warmup }, "warm", CancellationToken.None);
        var rssWarm = ReadStatus(server.Id, "VmRSS");
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(options.Seconds));
        var result = await DriveAsync(client, options, "run", limit.Token);
        await Task.Delay(500);
        var rssAfter = ReadStatus(server.Id, "VmRSS");
        var peak = ReadStatus(server.Id, "VmHWM");

        result.Latencies.Sort();
        var perConversation = result.Conversations > 0 ? (rssAfter - rssWarm) * 1024.0 / result.Conversations : 0;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
            provider {provider}: {result.Conversations} conversations x {options.Script.Length} turns over {options.Connections} connections
              turns/s    {result.Turns / result.Elapsed.TotalSeconds:N0}  ({result.Turns} turns in {result.Elapsed.TotalSeconds:F1} s, {result.Errors} errors)
              latency    p50 {Percentile(result.Latencies, 0.50):F2} ms  p99 {Percentile(result.Latencies, 0.99):F2} ms  max {result.Latencies[^1]:F2} ms
              memory     peak {peak / 1024.0:F0} MB (VmHWM); RSS {rssStart / 1024.0:F0} MB at start, {rssWarm / 1024.0:F0} MB warm, {rssAfter / 1024.0:F0} MB after
              per idle conversation  {perConversation:F0} bytes of RSS growth (rough: includes GC headroom)
            """));
    }
    finally
    {
        server.Kill(entireProcessTree: true);
        await server.WaitForExitAsync();
        Directory.Delete(dataDirectory, recursive: true);
    }
}

async Task<RunResult> DriveAsync(HttpClient client, BenchOptions run, string prefix, CancellationToken stop)
{
    var next = -1;
    var latencies = new List<double>[run.Connections];
    var errors = 0;
    var conversations = 0;
    var clock = Stopwatch.StartNew();
    var workers = Enumerable.Range(0, run.Connections).Select(async worker =>
    {
        var mine = latencies[worker] = new List<double>(run.Conversations / run.Connections * run.Script.Length + 16);
        while (!stop.IsCancellationRequested)
        {
            var n = Interlocked.Increment(ref next);
            if (n >= run.Conversations)
            {
                break;
            }

            var conversationId = $"{prefix}-{n}";
            foreach (var line in run.Script)
            {
                var body = Activity(conversationId, line, n);
                var started = Stopwatch.GetTimestamp();
                using var content = new StringContent(body, Encoding.UTF8, "application/json");
                using var response = await client.PostAsync("/api/messages", content, CancellationToken.None);
                await response.Content.ReadAsByteArrayAsync(CancellationToken.None);
                mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    Interlocked.Increment(ref errors);
                }
            }

            Interlocked.Increment(ref conversations);
        }
    }).ToList();
    await Task.WhenAll(workers);
    clock.Stop();
    var all = latencies.SelectMany(l => l).ToList();
    return new RunResult(conversations, all.Count, errors, clock.Elapsed, all);
}

static string Activity(string conversationId, string text, int n) =>
    "{\"type\":\"message\",\"id\":\"" + Guid.NewGuid().ToString("N") + "\",\"channelId\":\"directline\",\"serviceUrl\":\"http://127.0.0.1:9/\"," +
    "\"from\":{\"id\":\"user-" + n.ToString(CultureInfo.InvariantCulture) + "\"},\"recipient\":{\"id\":\"bot\"}," +
    "\"conversation\":{\"id\":\"" + conversationId + "\"},\"locale\":\"nl-NL\",\"deliveryMode\":\"expectReplies\",\"text\":" +
    System.Text.Json.JsonSerializer.Serialize(text) + "}";

static double Percentile(List<double> sorted, double p) => sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)(p * sorted.Count))];

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

static async Task WaitHealthyAsync(HttpClient client)
{
    for (var i = 0; i < 300; i++)
    {
        try
        {
            using var response = await client.GetAsync("/healthz");
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

internal sealed record RunResult(int Conversations, int Turns, int Errors, TimeSpan Elapsed, List<double> Latencies);

internal sealed record BenchOptions(string[] Providers, int Conversations, int Warmup, int Connections, int Seconds, string[] Script)
{
    // A Dutch conversation: greeting, consent, complaint, then answers. Change it with --script "a|b|c" to follow
    // the dialogs' questions.
    private static readonly string[] DefaultScript =
        ["hoi", "ja", "ik heb al 3 weken last van mijn onderrug", "6", "nee", "nee", "nee", "nee"];

    public static BenchOptions Parse(string[] args)
    {
        var options = new BenchOptions(["memory", "sqlite"], 5000, 500, 50, 60, DefaultScript);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            options = args[i] switch
            {
                "--provider" => options with { Providers = args[i + 1].Split(',') },
                "--conversations" => options with { Conversations = int.Parse(args[i + 1], CultureInfo.InvariantCulture) },
                "--warmup" => options with { Warmup = int.Parse(args[i + 1], CultureInfo.InvariantCulture) },
                "--connections" => options with { Connections = int.Parse(args[i + 1], CultureInfo.InvariantCulture) },
                "--seconds" => options with { Seconds = int.Parse(args[i + 1], CultureInfo.InvariantCulture) },
                "--script" => options with { Script = args[i + 1].Split('|') },
                _ => throw new ArgumentException($"unknown option {args[i]}"),
            };
        }

        return options;
    }
}
