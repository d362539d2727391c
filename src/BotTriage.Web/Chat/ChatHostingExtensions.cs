using BotTriage.Web.DirectLine;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace BotTriage.Web.Chat;

/// <summary>The website chat in two calls: the services (Direct Line, result cards, the page's settings) and the routes.</summary>
public static class ChatHostingExtensions
{
    public static WebApplicationBuilder AddChat(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddDirectLine(builder.Configuration);
        builder.Services.AddOptions<PracticeOptions>().Bind(builder.Configuration.GetSection(PracticeOptions.SectionName)).ValidateOnStart();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PracticeOptions>, PracticeOptionsValidator>());
        return builder;
    }

    public static WebApplication MapChat(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.Use((context, next) =>
        {
            if (HttpMethods.IsGet(context.Request.Method) && !context.Request.Path.StartsWithSegments(DirectLineEndpoints.Prefix, StringComparison.Ordinal))
            {
                ChatSecurityHeaders.Apply(context);
            }

            return next(context);
        });
        app.UseStaticFiles();
        app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.FromSeconds(30) });
        app.MapDirectLine();
        app.MapChatPage();
        return app;
    }
}
