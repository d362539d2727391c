using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using BotTriage.Web.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;

namespace BotTriage.Bench.Load;

/// <summary>
/// Memory per idle conversation, measured where it can be measured exactly: the host is built in this process with
/// the same extension methods as Program.cs and the same configuration as the load run, conversations are parked
/// over loopback HTTP, and the managed heap is read with <see cref="GC.GetTotalMemory(bool)"/> after forced full
/// blocking collections, before and after parking N conversations. The difference divided by N is what one idle
/// conversation keeps alive (state, cache entries, held or stored transcript), without the GC headroom that makes an
/// RSS difference rough. Native memory (SQLite's page cache) is bounded per connection, not per conversation.
/// </summary>
internal static class MemoryProbe
{
    public static async Task RunAsync(string provider, int count)
    {
        var dataDirectory = Directory.CreateTempSubdirectory("bottriage-probe-").FullName;
        var port = FreePort();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory, EnvironmentName = "Production" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = provider,
            ["Storage:DataDirectory"] = dataDirectory,
            ["Logging:LogLevel:Default"] = "Warning",
            ["urls"] = $"http://127.0.0.1:{port}",
        });
        builder.AddBotTriage();
        var app = builder.Build();
        app.MapBotTriage();
        await app.StartAsync();
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            string[] beforeConsent = ["hoi"];
            string[] afterConsent = ["hoi", "nee", "ja", "nederlands", "onderrug"];

            // Warm-up: JIT, pools and caches, so the baseline is steady.
            await ParkAsync(client, "warm-a", 300, afterConsent);
            await ParkAsync(client, "warm-b", 300, beforeConsent);

            var baseline = await IdleBytesAsync();
            await ParkAsync(client, "after", count, afterConsent);
            var afterConsentBytes = await IdleBytesAsync();
            await ParkAsync(client, "before", count, beforeConsent);
            var beforeConsentBytes = await IdleBytesAsync();

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
                  idle       {(afterConsentBytes - baseline) / (double)count:F0} bytes per conversation parked after consent (at the duration question), {(beforeConsentBytes - afterConsentBytes) / (double)count:F0} bytes per conversation parked before consent (welcome only); managed heap after full GC, {count} of each
                """));
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
            Directory.Delete(dataDirectory, recursive: true);
        }
    }

    // Idle means quiet: the memory transcript store compresses a conversation's newest activities once it has been
    // quiet for two seconds, on a timer of the same period, so the parked conversations are given five.
    private static async Task<long> IdleBytesAsync()
    {
        await Task.Delay(TimeSpan.FromSeconds(5));
        return LiveBytes();
    }

    private static long LiveBytes()
    {
        // Twice, so objects kept alive by finalizers in the first pass are gone in the second.
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    private static async Task ParkAsync(HttpClient client, string prefix, int count, string[] texts)
    {
        var next = -1;
        var workers = Enumerable.Range(0, 8).Select(async _ =>
        {
            while (Interlocked.Increment(ref next) is var n && n < count)
            {
                var conversation = $"{prefix}-{n}";
                foreach (var text in texts)
                {
                    var body = JsonSerializer.Serialize(new Dictionary<string, object>
                    {
                        ["type"] = "message",
                        ["id"] = Guid.NewGuid().ToString("N"),
                        ["channelId"] = "emulator",
                        ["serviceUrl"] = "http://127.0.0.1:9/",
                        ["from"] = new Dictionary<string, string> { ["id"] = "user-" + conversation },
                        ["recipient"] = new Dictionary<string, string> { ["id"] = "bot" },
                        ["conversation"] = new Dictionary<string, string> { ["id"] = conversation },
                        ["locale"] = "nl-NL",
                        ["deliveryMode"] = "expectReplies",
                        ["text"] = text,
                    });
                    using var content = new StringContent(body, Encoding.UTF8, "application/json");
                    using var response = await client.PostAsync(new Uri("/api/messages", UriKind.Relative), content);
                    if (response.StatusCode != HttpStatusCode.OK)
                    {
                        throw new InvalidOperationException($"parking {conversation} answered {(int)response.StatusCode}");
                    }
                }
            }
        });
        await Task.WhenAll(workers);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
