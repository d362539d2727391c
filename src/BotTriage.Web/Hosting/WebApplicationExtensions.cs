using BotTriage.Bot.Authentication;
using BotTriage.Web.Endpoints;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace BotTriage.Web.Hosting;

/// <summary>Maps the host's endpoints and says at start where it listens and how it is configured.</summary>
public static class WebApplicationExtensions
{
    public static WebApplication MapBotTriage(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapMessages();
        app.MapHealth();

        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("BotTriage.Web");
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses;
            var configuration = app.Configuration;
            var provider = configuration["Storage:Provider"] is { Length: > 0 } configured ? configured : "sqlite";
            var location = configuration["Storage:ConnectionString"] is { Length: > 0 } connectionString
                ? connectionString
                : configuration["Storage:DataDirectory"] is { Length: > 0 } dataDirectory ? dataDirectory : "(default data folder)";
            var authenticationOff = app.Services.GetRequiredService<IChannelAuthenticator>().IsAuthenticationDisabled;
            WebLog.Started(
                logger,
                addresses is null ? "(test server)" : string.Join(", ", addresses),
                provider,
                provider == "memory" ? "(in memory)" : location,
                authenticationOff ? "off (no MicrosoftAppId)" : "on");
        });
        return app;
    }
}
