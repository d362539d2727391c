using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using BotTriage.Testing;
using BotTriage.Web.Tests.Support;
using BotTriage.Web.Therapists;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace BotTriage.Web.Tests.Therapists;

/// <summary>
/// An OpenID provider answered in-process through the workspace's HttpClient: discovery, the key set of
/// <see cref="Key"/>, and a token endpoint that redeems codes handed out by <see cref="Authorize"/> (which plays the
/// provider's sign-in page) only with the right client secret and PKCE verifier, answering with an id token as
/// the test describes it.
/// </summary>
public sealed class FakeOpenIdProvider : IDisposable
{
    public const string Authority = "https://login.provider.test/tenant-1/v2.0";
    public const string ClientId = "workspace-client";
    public const string ClientSecret = "workspace-secret";
    public const string AuthorizeEndpoint = "https://login.provider.test/tenant-1/oauth2/v2.0/authorize";
    public const string TokenEndpoint = "https://login.provider.test/tenant-1/oauth2/v2.0/token";
    private const string KeysEndpoint = "https://login.provider.test/tenant-1/discovery/v2.0/keys";

    private readonly ConcurrentDictionary<string, (IdTokenSpec Spec, string Nonce, string Challenge)> _codes = new(StringComparer.Ordinal);

    public FakeOpenIdProvider() => Handler = new RecordingHttpMessageHandler(Respond);

    public TestSigningKey Key { get; } = new("provider-key-1", null);

    /// <summary>Every request the workspace made to the provider, with its body.</summary>
    public RecordingHttpMessageHandler Handler { get; }

    public static IEnumerable<KeyValuePair<string, string?>> Settings =>
    [
        new("Therapists:OpenIdConnect:Authority", Authority),
        new("Therapists:OpenIdConnect:ClientId", ClientId),
        new("Therapists:OpenIdConnect:ClientSecret", ClientSecret),
        new("Therapists:OpenIdConnect:RoleClaimValues:Therapist", "Workspace.Therapist"),
        new("Therapists:OpenIdConnect:RoleClaimValues:Admin", "Workspace.Admin"),
    ];

    /// <summary>The workspace with password accounts and this provider configured.</summary>
    public BotTriageFactory CreateFactory() => WorkspaceClient.CreateFactoryWithServices(Register, [.. Settings]);

    /// <summary>Routes the workspace's provider client to this fake.</summary>
    public void Register(IServiceCollection services) =>
        services.AddHttpClient(TherapistWorkspace.OpenIdConnectHttpClientName).ConfigurePrimaryHttpMessageHandler(() => Handler);

    /// <summary>
    /// The provider's side of the redirect: checks the request, and returns the callback URL with a fresh code (bound to
    /// the request's nonce and code challenge) and the state, as the provider would after the person signed in.
    /// </summary>
    public Uri Authorize(Uri redirect, IdTokenSpec spec)
    {
        ArgumentNullException.ThrowIfNull(redirect);
        Assert.StartsWith(AuthorizeEndpoint + "?", redirect.AbsoluteUri, StringComparison.Ordinal);
        var query = QueryHelpers.ParseQuery(redirect.Query);
        Assert.Equal(ClientId, query["client_id"].ToString());
        Assert.Equal("code", query["response_type"].ToString());
        Assert.Equal("S256", query["code_challenge_method"].ToString());
        var code = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(16));
        _codes[code] = (spec, query["nonce"].ToString(), query["code_challenge"].ToString());
        return new Uri(QueryHelpers.AddQueryString(query["redirect_uri"].ToString(), new Dictionary<string, string?>
        {
            ["code"] = code,
            ["state"] = query["state"].ToString(),
        }));
    }

    public string CreateIdToken(IdTokenSpec spec, string nonce)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var claims = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["nonce"] = spec.Nonce ?? nonce,
            ["sub"] = "subject-1",
            ["name"] = "Anna de Vries",
        };
        if (spec.PreferredUserName is not null)
        {
            claims["preferred_username"] = spec.PreferredUserName;
        }

        if (spec.Roles.Count > 0)
        {
            claims["roles"] = spec.Roles.ToArray();
        }

        var notBefore = spec.NotBefore ?? DateTimeOffset.UtcNow.AddMinutes(-1);
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = spec.Issuer ?? Authority,
            Audience = spec.Audience ?? ClientId,
            NotBefore = notBefore.UtcDateTime,
            IssuedAt = notBefore.UtcDateTime,
            Expires = (spec.Expires ?? notBefore.AddHours(1)).UtcDateTime,
            Claims = claims,
            SigningCredentials = (spec.SigningKey ?? Key).CreateSigningCredentials(),
        });
    }

    public void Dispose()
    {
        Handler.Dispose();
        Key.Dispose();
    }

    private HttpResponseMessage Respond(HttpRequestMessage request, string? body)
    {
        var url = request.RequestUri!.GetLeftPart(UriPartial.Path);
        if (request.Method == HttpMethod.Get && url == Authority + "/.well-known/openid-configuration")
        {
            return RecordingHttpMessageHandler.Json(new JsonObject
            {
                ["issuer"] = Authority,
                ["authorization_endpoint"] = AuthorizeEndpoint,
                ["token_endpoint"] = TokenEndpoint,
                ["jwks_uri"] = KeysEndpoint,
                ["response_types_supported"] = new JsonArray("code"),
                ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
            }.ToJsonString());
        }

        if (request.Method == HttpMethod.Get && url == KeysEndpoint)
        {
            return RecordingHttpMessageHandler.Json(new JsonObject { ["keys"] = new JsonArray(Key.ToJwk()) }.ToJsonString());
        }

        if (request.Method == HttpMethod.Post && url == TokenEndpoint)
        {
            var form = QueryHelpers.ParseQuery(body);
            if (form["grant_type"] != "authorization_code" || form["client_id"] != ClientId || form["client_secret"] != ClientSecret
                || !_codes.TryRemove(form["code"].ToString(), out var grant)
                || Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(form["code_verifier"].ToString()))) != grant.Challenge)
            {
                return RecordingHttpMessageHandler.Json("""{"error":"invalid_grant"}""", HttpStatusCode.BadRequest);
            }

            return RecordingHttpMessageHandler.Json(new JsonObject
            {
                ["token_type"] = "Bearer",
                ["access_token"] = "opaque-access-token",
                ["id_token"] = CreateIdToken(grant.Spec, grant.Nonce),
            }.ToJsonString());
        }

        return new HttpResponseMessage(HttpStatusCode.NotFound);
    }
}

/// <summary>What the fake provider writes into the id token for one sign-in. Null values take the correct default.</summary>
public sealed record IdTokenSpec
{
    public IReadOnlyList<string> Roles { get; init; } = [];

    public string? PreferredUserName { get; init; } = "anna@praktijk.example";

    public string? Issuer { get; init; }

    public string? Audience { get; init; }

    /// <summary>Overrides the nonce the workspace sent.</summary>
    public string? Nonce { get; init; }

    public DateTimeOffset? NotBefore { get; init; }

    public DateTimeOffset? Expires { get; init; }

    /// <summary>Signs with another key than the published one.</summary>
    public TestSigningKey? SigningKey { get; init; }
}
