using BotTriage.Bot.Authentication;
using Microsoft.Extensions.Configuration;

namespace BotTriage.Bot.Hosting.Placeholders;

// Stands in for channel authentication until AddBotTriageChannelAuthentication is merged; the integrator deletes
// this folder. Fails closed: without an app id requests are anonymous (local use), with one every request is refused,
// because this placeholder cannot validate tokens.
internal sealed class PlaceholderChannelAuthenticator(IConfiguration configuration) : IChannelAuthenticator, IAppCredentials
{
    public bool IsAuthenticationDisabled => string.IsNullOrEmpty(configuration["MicrosoftAppId"]);

    public Task<ChannelAuthenticationResult> AuthenticateAsync(string? authorizationHeader, string? channelId, string? serviceUrl, CancellationToken cancellationToken) =>
        Task.FromResult(IsAuthenticationDisabled && string.IsNullOrEmpty(authorizationHeader)
            ? ChannelAuthenticationResult.Anonymous
            : ChannelAuthenticationResult.Fail(401, "Token validation is not available in this build."));

    public Task<string?> GetTokenAsync(CancellationToken cancellationToken) => Task.FromResult<string?>(null);
}
