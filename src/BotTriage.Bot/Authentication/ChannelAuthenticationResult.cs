using System.Security.Claims;

namespace BotTriage.Bot.Authentication;

/// <summary>
/// The result of authenticating a request. On failure <see cref="StatusCode"/> is 401 (bad or missing token)
/// or 403 (a valid token not endorsed for the activity's channel); <see cref="FailureReason"/> is safe to log.
/// </summary>
public sealed record ChannelAuthenticationResult(bool Succeeded, int StatusCode, ClaimsIdentity? Identity, string? CallerId, string? FailureReason)
{
    public static ChannelAuthenticationResult Anonymous { get; } = new(true, 200, new ClaimsIdentity(), null, null);

    public static ChannelAuthenticationResult Fail(int statusCode, string reason) => new(false, statusCode, null, null, reason);
}
