// The cost of one triage turn inside the host, without HTTP: the web app is built in this process with the same
// AddBotTriage/MapBotTriage as Program.cs, and each turn does what POST /api/messages does after reading the body:
// the Activity JSON is deserialized, runs through the ChannelAdapter's middleware and the bot with deliveryMode
// expectReplies, and the replies are serialized. Conversations walk bench/Shared/conversation.txt, as bench/Load does,
// one turn after another on one logical thread, so CPU time per turn and bytes allocated per turn are exact and
// do not depend on how busy the machine is. A third argument walks that many conversations at once (each on its own
// logical thread), so that the SQLite writer commits several turns together, as it does under load.
using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using BotTriage.Bench;
using BotTriage.Bot.Builder;
using BotTriage.Bot.Schema;
using BotTriage.Web.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

var provider = args.Length > 0 ? args[0] : "memory";
var seconds = args.Length > 1 ? double.Parse(args[1], CultureInfo.InvariantCulture) : 3;
var walkers = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 1;
var dataDirectory = Directory.CreateTempSubdirectory("bottriage-turns-").FullName;
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory, EnvironmentName = "Production" });
builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
{
    ["Storage:Provider"] = provider,
    ["Storage:DataDirectory"] = dataDirectory,
    ["Logging:LogLevel:Default"] = "Warning",
    ["urls"] = "http://127.0.0.1:0",
});
if (provider == "postgres")
{
    // A database of the caller's: BOTTRIAGE_TEST_POSTGRES as tests/setup/postgres.sh sets it.
    builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["Storage:ConnectionString"] = Environment.GetEnvironmentVariable("BOTTRIAGE_TEST_POSTGRES")
            ?? throw new InvalidOperationException("postgres needs BOTTRIAGE_TEST_POSTGRES (source tests/setup/postgres.sh)"),
        ["DataProtection:KeyEncryptionKey"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
    });
}

builder.AddBotTriage();

var app = builder.Build();
app.MapBotTriage();
await app.StartAsync();
try
{
    var adapter = app.Services.GetRequiredService<ChannelAdapter>();
    var bot = app.Services.GetRequiredService<IBot>();
    var script = ConversationScript.LoadShipped();
    var conversation = 0;
    var messageId = 0;

    async Task<int> WalkAsync(string run, ArrayBufferWriter<byte> output, Utf8JsonWriter writer)
    {
        var number = Interlocked.Increment(ref conversation);
        var (language, texts) = script.For(number);
        var id = $"{run}-{number}";
        for (var step = 0; step < texts.Length; step++)
        {
            var body = Encoding.UTF8.GetBytes(
                $$"""{"type":"message","id":"m{{Interlocked.Increment(ref messageId)}}","channelId":"emulator","serviceUrl":"http://127.0.0.1:9/","from":{"id":"user-{{id}}","name":"load"},"recipient":{"id":"bot"},"conversation":{"id":"{{id}}"},"locale":"{{language.Locale}}","deliveryMode":"expectReplies","text":"{{texts[step]}}"}""");
            var activity = JsonSerializer.Deserialize(body, BotJsonContext.Default.Activity)!;
            var response = await adapter.ProcessActivityAsync(activity, bot, CancellationToken.None);
            output.ResetWrittenCount();
            writer.Reset();
            JsonSerializer.Serialize(writer, response.ExpectedReplies!, BotJsonContext.Default.ExpectedReplies);
            writer.Flush();
            var expected = language.Turns[step].Expect;
            var outcome = step < texts.Length - 1 || output.WrittenSpan.IndexOf("\"name\":\"bottriage.outcome\""u8) >= 0;
            if (response.Status != 200 || !outcome || (expected is not null && output.WrittenSpan.IndexOf(expected) < 0))
            {
                throw new InvalidOperationException($"Unexpected reply at step {step} ({response.Status}): {Encoding.UTF8.GetString(output.WrittenSpan)[..Math.Min(300, output.WrittenCount)]}");
            }
        }

        return texts.Length;
    }

    // Walks conversations on `walkers` logical threads until the time is up; the turns walked in all.
    async Task<int> WalkUntilAsync(string run, long until)
    {
        var tasks = new Task<int>[walkers];
        for (var i = 0; i < walkers; i++)
        {
            tasks[i] = Task.Run(async () =>
            {
                var output = new ArrayBufferWriter<byte>(16 * 1024);
                using var writer = new Utf8JsonWriter(output);
                var turns = 0;
                while (Stopwatch.GetTimestamp() < until)
                {
                    turns += await WalkAsync(run, output, writer);
                }

                return turns;
            });
        }

        return (await Task.WhenAll(tasks)).Sum();
    }

    // Warm-up: JIT tiers, pools, caches.
    await WalkUntilAsync("warm", Stopwatch.GetTimestamp() + Stopwatch.Frequency * 8);

    Console.WriteLine($"{provider}: full triage turns through the adapter, in process, {walkers} at a time; {Environment.ProcessorCount} cores, .NET {Environment.Version}");
    var best = double.MaxValue;
    for (var run = 0; run < 5; run++)
    {
        GC.Collect();
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var started = Stopwatch.GetTimestamp();
        var until = started + (long)(Stopwatch.Frequency * seconds);
        var turns = await WalkUntilAsync($"run{run}", until);
        var elapsed = Stopwatch.GetElapsedTime(started);
        var cpuUsed = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        var bytes = GC.GetTotalAllocatedBytes(precise: true) - allocated;
        var perTurn = elapsed.TotalMicroseconds / turns;
        best = Math.Min(best, perTurn);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  run {run + 1}: {turns / elapsed.TotalSeconds,8:N0} turns/s  {perTurn,6:F1} µs/turn  {cpuUsed.TotalMicroseconds / turns,6:F1} µs CPU/turn (GC included)  {bytes / (double)turns,8:N0} bytes allocated/turn"));
    }

    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"best: {best:F1} µs per turn ({1e6 / best:N0} turns/s with {walkers} at a time)"));
}
finally
{
    await app.StopAsync();
    await app.DisposeAsync();
    Directory.Delete(dataDirectory, recursive: true);
}
