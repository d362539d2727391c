using Microsoft.Identity.Client;

namespace BotTriage.Bot.Authentication;

/// <summary>Gives MSAL the host's named HttpClient, so token calls share its handlers and tests can replace them.</summary>
internal sealed class MsalHttpClientFactory(IHttpClientFactory httpClientFactory) : IMsalHttpClientFactory
{
    public HttpClient GetHttpClient() =>
        httpClientFactory.CreateClient(AuthenticationServiceCollectionExtensions.TokenHttpClientName);
}
