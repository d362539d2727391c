using Microsoft.Extensions.Options;

namespace BotTriage.Web.Chat;

/// <summary>
/// The chat page's security headers: scripts from this origin only (no inline script, no eval), connections to this
/// origin and its WebSocket, framing by this origin and the configured <see cref="PracticeOptions.EmbedOrigins"/>.
/// Styles allow inline because Web Chat writes its styles at run time.
/// </summary>
internal static class ChatSecurityHeaders
{
    public static void Apply(HttpContext context)
    {
        var practice = context.RequestServices.GetRequiredService<IOptions<PracticeOptions>>().Value;
        var host = context.Request.Host.Value;
        var webSocket = (context.Request.IsHttps ? "wss://" : "ws://") + host;
        var ancestors = string.Join(' ', practice.EmbedOrigins.Where(o => Uri.TryCreate(o, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http").Select(o => new Uri(o).GetLeftPart(UriPartial.Authority)));
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy =
            "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob: https:; font-src 'self' data:; " +
            $"connect-src 'self' {webSocket}; frame-ancestors 'self' {ancestors}".TrimEnd() + "; base-uri 'none'; form-action 'self'; object-src 'none'";
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
    }
}
