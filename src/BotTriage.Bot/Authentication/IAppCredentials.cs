namespace BotTriage.Bot.Authentication;

/// <summary>Provides the bearer token for outbound Connector calls (replies to <c>serviceUrl</c>).</summary>
public interface IAppCredentials
{
    /// <summary>The access token to send, or null when no app id is configured and calls go without a token.</summary>
    Task<string?> GetTokenAsync(CancellationToken cancellationToken);
}
