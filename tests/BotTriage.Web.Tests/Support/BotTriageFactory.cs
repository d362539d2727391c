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
/// The real host on a test server, with SQLite stores in a temporary folder. By default it runs the scripted
/// engine, so protocol tests do not depend on the dialog content; <see cref="ShippedDialogs"/> runs the real
/// engine on the <c>dialogs/</c> folder copied next to the tests. <see cref="Settings"/> adds configuration, such
/// as an app id and OpenID metadata URLs pointing at a test token issuer.
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

    /// <summary>When true, <see cref="Engine"/> is ignored and the host builds its own engine from the shipped dialogs.</summary>
    public bool ShippedDialogs { get; init; }

    /// <summary>Replaces the outbound Connector token source, so replies can be sent while an app id is configured.</summary>
    public IAppCredentials? AppCredentials { get; init; }

    /// <summary>Configuration added to the host's, for example <c>MicrosoftAppId</c>.</summary>
    public IEnumerable<KeyValuePair<string, string?>> Settings { get; init; } = [];

    /// <summary>The host environment; <c>Development</c> is what <c>dotnet run</c> uses.</summary>
    public string EnvironmentName { get; init; } = "Testing";

    /// <summary>Further service changes, such as an in-process handler for a named HttpClient.</summary>
    public Action<IServiceCollection>? TestServices { get; init; }

    /// <summary>The SQLite file the stores use.</summary>
    public string DatabasePath => Path.Combine(_dataDirectory, "bottriage.db");

    public T Get<T>()
        where T : notnull => Services.GetRequiredService<T>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(EnvironmentName);
        builder.UseSetting("Storage:Provider", "sqlite");
        builder.UseSetting("Storage:DataDirectory", _dataDirectory);
        builder.UseSetting("Storage:ConnectionString", $"Data Source={DatabasePath}");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            if (!ShippedDialogs)
            {
                services.AddSingleton(Engine);
            }

            if (AppCredentials is not null)
            {
                services.AddSingleton(AppCredentials);
            }
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

            TestServices?.Invoke(services);
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
