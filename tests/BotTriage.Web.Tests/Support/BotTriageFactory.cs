using BotTriage.Bot.Authentication;
using BotTriage.Bot.Storage;
using BotTriage.Bot.Testing;
using BotTriage.Bot.Transcripts;
using BotTriage.Bot.Triage;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace BotTriage.Web.Tests.Support;

/// <summary>
/// The real host on a test server, with stores in a temporary folder (SQLite once the storage provider is merged)
/// and the scripted engine, so these tests exercise the protocol rather than the dialog content.
/// </summary>
public sealed class BotTriageFactory : WebApplicationFactory<Program>
{
    private readonly string _dataDirectory;
    private readonly bool _ownsDirectory;

    public BotTriageFactory(string? dataDirectory = null)
    {
        _ownsDirectory = dataDirectory is null;
        _dataDirectory = dataDirectory ?? Directory.CreateTempSubdirectory("bottriage-web-").FullName;
    }

    /// <summary>Replaces the channel authenticator, e.g. with one that refuses every request.</summary>
    public IChannelAuthenticator? Authenticator { get; init; }

    /// <summary>Shares stores between factories, so a second factory is the same service after a restart.</summary>
    public IStorage? Storage { get; init; }

    public ITranscriptStore? Transcripts { get; init; }

    public ITriageEngine Engine { get; init; } = new ScriptedTriageEngine();

    public T Get<T>()
        where T : notnull => Services.GetRequiredService<T>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Storage:Provider", "sqlite");
        builder.UseSetting("Storage:DataDirectory", _dataDirectory);
        builder.UseSetting("Storage:ConnectionString", $"Data Source={Path.Combine(_dataDirectory, "bottriage.db")}");
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton(Engine);
            if (Authenticator is not null)
            {
                services.AddSingleton(Authenticator);
            }

            if (Storage is not null)
            {
                services.AddSingleton(Storage);
            }

            if (Transcripts is not null)
            {
                services.AddSingleton(Transcripts);
            }
        });
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && _ownsDirectory)
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
