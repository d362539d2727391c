using BotTriage.Bot.Authentication;
using BotTriage.Bot.Storage;
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
            var provider = storage.Provider.ToLowerInvariant();
            var location = provider == StorageOptions.MemoryProvider
                ? "(in memory)"
                : new SqliteConnectionStringBuilder(SqliteDatabase.GetConnectionString(storage)).DataSource;
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
}
