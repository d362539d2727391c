using BotTriage.Bot.Cards;
using BotTriage.Web.DirectLine;

namespace BotTriage.Web.Chat;

/// <summary>The website chat in two calls: the services (Direct Line, result cards, the page's settings) and the routes.</summary>
public static class ChatHostingExtensions
{
    public static WebApplicationBuilder AddChat(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddDirectLine(builder.Configuration);
        builder.Services.AddTriageResultCards(builder.Configuration);
        return builder;
    }

    public static WebApplication MapChat(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.FromSeconds(30) });
        app.MapDirectLine();
        return app;
    }
}
