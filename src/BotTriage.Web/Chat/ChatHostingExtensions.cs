using BotTriage.Web.DirectLine;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

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

        // The page's scripts, styles and logo go out compressed (Web Chat's bundle is 3.9 MB as it is, a third of that
        // with Brotli). Only these: they hold no secret and echo nothing a request sends, so compressing them over
        // https gives nothing away, unlike the tokens and conversations the Direct Line endpoints return. Each file is
        // compressed once per encoding and kept for a few minutes, so visitors cost a copy, not a compression (about
        // 25 ms of CPU for the bundle).
        builder.Services.AddResponseCompression(options =>
        {
            options.EnableForHttps = true;
            options.MimeTypes = [.. StaticAssetTypes];
            options.Providers.Add<BrotliCompressionProvider>();
            options.Providers.Add<GzipCompressionProvider>();
        });
        builder.Services.AddOutputCache(options => options.AddBasePolicy(policy => policy
            .Expire(TimeSpan.FromMinutes(5))
            .SetVaryByHeader(HeaderNames.AcceptEncoding)));
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
        app.UseWhen(context => IsStaticAsset(context.Request.Path), branch => branch.UseOutputCache().UseResponseCompression());
        app.UseStaticFiles();
        app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.FromSeconds(30) });
        app.MapDirectLine();
        app.MapChatPage();
        return app;
    }

    private static readonly string[] StaticAssetTypes = ["text/javascript", "application/javascript", "text/css", "image/svg+xml"];

    // A file of the site's own wwwroot by its extension: never the chat page, Direct Line or the bot's endpoints.
    private static bool IsStaticAsset(PathString path) =>
        path.HasValue && !path.StartsWithSegments(DirectLineEndpoints.Prefix, StringComparison.Ordinal)
        && Path.GetExtension(path.Value) is ".js" or ".css" or ".svg";
}
