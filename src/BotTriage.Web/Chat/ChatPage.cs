using System.Text;
using System.Text.Encodings.Web;
using Microsoft.Extensions.Options;

namespace BotTriage.Web.Chat;

/// <summary>
/// <c>GET /</c> and <c>/chat</c>: the practice's chat page, Web Chat filling the chat area. Dutch unless
/// <c>?lang=en</c>. Every configured value is HTML-escaped; the page runs no inline script (its settings travel in
/// <c>data-</c> attributes to <c>/chat.js</c>) and says so in its Content-Security-Policy.
/// </summary>
public static class ChatPage
{
    public static IEndpointRouteBuilder MapChatPage(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet("/", Render);
        app.MapGet("/chat", Render);
        return app;
    }

    internal static IResult Render(HttpContext context, IOptions<PracticeOptions> options, string? lang, string? embed)
    {
        var practice = options.Value;
        var text = ChatPageText.For(lang);
        var html = HtmlEncoder.Default;
        var name = html.Encode(practice.Name);
        var embedded = embed == "1";
        var page = new StringBuilder(4096);
        page.Append("<!DOCTYPE html>\n<html lang=\"").Append(text.Lang).Append("\">\n<head>\n")
            .Append("<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(name).Append(" – ").Append(html.Encode(text.Title)).Append("</title>\n")
            .Append("<link rel=\"stylesheet\" href=\"/chat.css\">\n")
            // Colours are validated as #rrggbb at start, so they cannot leave the declaration.
            .Append("<style>:root{--primary:").Append(practice.PrimaryColor).Append(";--accent:").Append(practice.AccentColor).Append(";}</style>\n")
            .Append("<script src=\"/lib/webchat.js\" defer></script>\n<script src=\"/chat.js\" defer></script>\n")
            .Append("</head>\n<body").Append(embedded ? " class=\"embedded\"" : "").Append(">\n<header class=\"practice\">\n");
        if (!string.IsNullOrEmpty(practice.LogoUrl))
        {
            page.Append("<img class=\"logo\" src=\"").Append(html.Encode(practice.LogoUrl)).Append("\" alt=\"\">\n");
        }

        page.Append("<div class=\"names\"><span class=\"name\">").Append(name).Append("</span><span class=\"title\">").Append(html.Encode(text.Title)).Append("</span></div>\n")
            .Append("<a class=\"language\" href=\"?lang=").Append(text.OtherLanguageCode).Append(embedded ? "&amp;embed=1" : "").Append("\" hreflang=\"").Append(text.OtherLanguageCode)
            .Append("\" lang=\"").Append(text.OtherLanguageCode).Append("\">").Append(html.Encode(text.OtherLanguage)).Append("</a>\n</header>\n")
            .Append("<p class=\"notice\" role=\"note\">").Append(html.Encode(text.Notice)).Append(" <strong>").Append(html.Encode(text.Emergency)).Append("</strong></p>\n")
            .Append("<main id=\"webchat\" data-locale=\"").Append(text.Locale)
            .Append("\" data-primary=\"").Append(practice.PrimaryColor).Append("\" data-accent=\"").Append(practice.AccentColor)
            .Append("\" data-failed=\"").Append(html.Encode(text.Failed)).Append("\" data-placeholder=\"").Append(html.Encode(text.Placeholder)).Append("\">\n<p class=\"loading\">").Append(html.Encode(text.Loading)).Append("</p>\n</main>\n</body>\n</html>\n");
        return TypedResults.Content(page.ToString(), "text/html; charset=utf-8");
    }
}
