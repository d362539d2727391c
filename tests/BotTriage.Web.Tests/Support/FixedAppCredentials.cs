using BotTriage.Bot.Authentication;

namespace BotTriage.Web.Tests.Support;

/// <summary>Outbound credentials that hand out one fixed token, so replies reach the fake connector without Entra.</summary>
public sealed class FixedAppCredentials(string token) : IAppCredentials
{
    public Task<string?> GetTokenAsync(CancellationToken cancellationToken) => Task.FromResult<string?>(token);
}
