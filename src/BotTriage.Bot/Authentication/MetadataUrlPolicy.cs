using System.Diagnostics.CodeAnalysis;
using System.Net;

namespace BotTriage.Bot.Authentication;

/// <summary>
/// Signing keys may only come over https; plain http is allowed for a loopback host, where tests serve their own keys
/// and nothing crosses a network.
/// </summary>
internal static class MetadataUrlPolicy
{
    public static bool IsAllowed(string? url, [NotNullWhen(true)] out Uri? uri)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out uri))
        {
            return false;
        }

        return uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && IsLoopbackHost(uri));
    }

    private static bool IsLoopbackHost(Uri uri)
    {
        var host = uri.IdnHost.Trim('[', ']');
        return string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address));
    }
}
