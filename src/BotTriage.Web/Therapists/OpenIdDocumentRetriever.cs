using Microsoft.IdentityModel.Protocols;

namespace BotTriage.Web.Therapists;

/// <summary>
/// Fetches the provider's discovery document and key set with a client from <see cref="IHttpClientFactory"/>, so
/// handlers are rotated and tests can answer in-process. https only, except a loopback provider.
/// </summary>
internal sealed class OpenIdDocumentRetriever(IHttpClientFactory clients) : IDocumentRetriever
{
    public async Task<string> GetDocumentAsync(string address, CancellationToken cancel)
    {
        if (!Uri.TryCreate(address, UriKind.Absolute, out var uri) || !TherapistOptionsValidator.IsAllowedEndpoint(uri))
        {
            throw new InvalidOperationException("The provider published an endpoint that is not https.");
        }

        using var client = clients.CreateClient(TherapistOpenIdConnect.HttpClientName);
        using var response = await client.GetAsync(uri, cancel).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new IOException($"The provider answered {(int)response.StatusCode} for a metadata document.");
        }

        return await response.Content.ReadAsStringAsync(cancel).ConfigureAwait(false);
    }
}
