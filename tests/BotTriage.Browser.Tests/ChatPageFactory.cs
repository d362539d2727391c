using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace BotTriage.Browser.Tests;

/// <summary>
/// The real host with the shipped dialogs on a real loopback port (Kestrel), so a browser can open the page; SQLite
/// stores in a temporary folder and a booking link for every route the browser test may reach.
/// </summary>
public sealed class ChatPageFactory : WebApplicationFactory<Program>
{
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("bottriage-browser-").FullName;

    public ChatPageFactory()
    {
        UseKestrel(0);
    }

    public static IReadOnlyDictionary<string, string> BookingLinks { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["physio"] = "https://praktijk.example/boeken/fysiotherapie",
        ["massage"] = "https://praktijk.example/boeken/massage",
    };

    /// <summary>The practice's own site that may show the chat in a frame (served by the browser test itself).</summary>
    public static Uri EmbeddingSite { get; } = new("http://praktijk.example/");

    /// <summary>The page's base address, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public Uri BaseAddress => ClientOptions.BaseAddress;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseUrls("http://127.0.0.1:0");
        builder.UseSetting("Storage:Provider", "sqlite");
        builder.UseSetting("Storage:DataDirectory", _dataDirectory);
        builder.UseSetting("Storage:ConnectionString", $"Data Source={Path.Combine(_dataDirectory, "bottriage.db")}");
        builder.UseSetting("Practice:Name", "Praktijk De Test");
        builder.UseSetting("Practice:EmbedOrigins:0", EmbeddingSite.GetLeftPart(UriPartial.Authority));
        foreach (var (route, url) in BookingLinks)
        {
            builder.UseSetting($"Booking:Routes:{route}", url);
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            try
            {
                Directory.Delete(_dataDirectory, recursive: true);
            }
            catch (IOException)
            {
                // A store that still holds its file open only leaves a temporary folder behind.
            }
        }
    }
}
