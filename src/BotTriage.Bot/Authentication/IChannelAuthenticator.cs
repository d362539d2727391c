namespace BotTriage.Bot.Authentication;

/// <summary>
/// Validates the bearer token of an inbound request on <c>/api/messages</c>, as the Bot Framework's
/// JwtTokenValidation does: Bot Framework channel tokens and Emulator tokens.
/// </summary>
public interface IChannelAuthenticator
{
    /// <summary>True when no app id is configured: requests without an Authorization header are accepted as anonymous.</summary>
    bool IsAuthenticationDisabled { get; }

    /// <summary>
    /// Authenticates one request. <paramref name="channelId"/> and <paramref name="serviceUrl"/> come from the activity,
    /// and are checked against the key's endorsements and the token's <c>serviceurl</c> claim.
    /// </summary>
    Task<ChannelAuthenticationResult> AuthenticateAsync(string? authorizationHeader, string? channelId, string? serviceUrl, CancellationToken cancellationToken);
}
