using BotTriage.Bot.Authentication;
using BotTriage.Bot.Storage;
using BotTriage.Bot.Storage.Postgres;
using BotTriage.Web.Chat;
using BotTriage.Web.Endpoints;
using BotTriage.Web.Therapists;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace BotTriage.Web.Hosting;

/// <summary>Maps the host's endpoints and says at start where it listens and how it is configured.</summary>
public static class WebApplicationExtensions
{
    public static WebApplication MapBotTriage(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapMessages();
        app.MapHealth();
        app.MapTherapists();
        app.UseRateLimiter();
        app.MapChat();

        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("BotTriage.Web");
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses;
            var storage = app.Services.GetRequiredService<IOptions<StorageOptions>>().Value;
            var provider = StorageServiceCollectionExtensions.SelectProvider(app.Services);
            var location = provider switch
            {
                StorageOptions.MemoryProvider => "(in memory)",
                StorageOptions.PostgresProvider => Describe(app.Services.GetRequiredService<PostgresDatabase>()),
                _ => new SqliteConnectionStringBuilder(SqliteDatabase.GetConnectionString(storage)).DataSource,
            };
            var authenticationOff = app.Services.GetRequiredService<IChannelAuthenticator>().IsAuthenticationDisabled;
            WebLog.Started(
                logger,
                addresses is null ? "(test server)" : string.Join(", ", addresses),
                provider,
                location,
                authenticationOff ? "off (no MicrosoftAppId)" : "on");
        });
        return app;
    }

    private static string Describe(PostgresDatabase database) => $"database {database.DatabaseName} on {database.Host}";
}
