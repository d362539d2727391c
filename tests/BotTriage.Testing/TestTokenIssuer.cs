using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace BotTriage.Testing;

/// <summary>
/// A fake Bot Framework and Entra token service on a loopback port: it serves OpenID metadata and JWKS documents
/// (with endorsements per key) for the channel and the Emulator, and mints RSA-signed JWTs with the claims a test
/// chooses. Point <c>BotFramework:ChannelOpenIdMetadataUrl</c> and <c>BotFramework:EmulatorOpenIdMetadataUrl</c> at it.
/// </summary>
public sealed class TestTokenIssuer : IDisposable
{
    /// <summary>The issuer of Bot Framework channel tokens.</summary>
    public const string ChannelIssuer = "https://api.botframework.com";

    /// <summary>The v1 issuer of Emulator tokens (the Emulator's own tenant).</summary>
    public const string EmulatorV1Issuer = "https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db/";

    /// <summary>The v2 issuer of Emulator tokens.</summary>
    public const string EmulatorV2Issuer = "https://login.microsoftonline.com/d6d49420-f39b-4df7-a1dc-d59a935871db/v2.0";

    /// <summary>The channels the default channel key is endorsed for.</summary>
    public static readonly IReadOnlyList<string> DefaultEndorsements = ["msteams", "webchat", "directline", "emulator", "test"];

    private readonly HttpListener _listener;
    private readonly Task _serving;
    private readonly Lock _keysLock = new();
    private readonly List<TestSigningKey> _channelKeys = [];
    private readonly List<TestSigningKey> _emulatorKeys = [];
    private readonly List<TestSigningKey> _ownedKeys = [];
    private int _metadataRequests;
    private int _keySetRequests;

    public TestTokenIssuer()
    {
        (_listener, BaseUrl) = StartListener();
        ChannelKey = AddChannelKey("channel-key-1", [.. DefaultEndorsements]);
        EmulatorKey = AddEmulatorKey("emulator-key-1");
        _serving = Task.Run(ServeAsync);
    }

    /// <summary>The server's root, <c>http://127.0.0.1:{port}/</c>.</summary>
    public string BaseUrl { get; }

    /// <summary>The channel's OpenID configuration URL.</summary>
    public string ChannelMetadataUrl => BaseUrl + "channel/.well-known/openidconfiguration";

    /// <summary>The Emulator's (Entra's) OpenID configuration URL.</summary>
    public string EmulatorMetadataUrl => BaseUrl + "emulator/v2.0/.well-known/openid-configuration";

    /// <summary>The published channel key that signs tokens by default, endorsed for <see cref="DefaultEndorsements"/>.</summary>
    public TestSigningKey ChannelKey { get; }

    /// <summary>The published Emulator key, without endorsements.</summary>
    public TestSigningKey EmulatorKey { get; }

    /// <summary>How many OpenID configuration documents were served.</summary>
    public int MetadataRequests => Volatile.Read(ref _metadataRequests);

    /// <summary>How many key sets were served.</summary>
    public int KeySetRequests => Volatile.Read(ref _keySetRequests);

    /// <summary>When true, every request is answered with 503, as during an outage of the key publisher.</summary>
    public bool Unavailable { get; set; }

    /// <summary>Configuration pointing the bot's metadata URLs at this issuer.</summary>
    public IEnumerable<KeyValuePair<string, string?>> MetadataSettings =>
    [
        new("BotFramework:ChannelOpenIdMetadataUrl", ChannelMetadataUrl),
        new("BotFramework:EmulatorOpenIdMetadataUrl", EmulatorMetadataUrl),
    ];

    /// <summary>Publishes another channel key (a rotation, or a key with other endorsements).</summary>
    public TestSigningKey AddChannelKey(string keyId, IReadOnlyList<string>? endorsements)
    {
        var key = CreateKey(keyId, endorsements);
        lock (_keysLock)
        {
            _channelKeys.Add(key);
        }

        return key;
    }

    /// <summary>Publishes another Emulator key.</summary>
    public TestSigningKey AddEmulatorKey(string keyId)
    {
        var key = CreateKey(keyId, null);
        lock (_keysLock)
        {
            _emulatorKeys.Add(key);
        }

        return key;
    }

    /// <summary>A key this issuer owns but never publishes: tokens it signs must be rejected.</summary>
    public TestSigningKey CreateUnpublishedKey(string keyId) => CreateKey(keyId, [.. DefaultEndorsements]);

    /// <summary>A valid channel token for <paramref name="appId"/> and <paramref name="serviceUrl"/>.</summary>
    public string CreateChannelToken(string appId, string serviceUrl) =>
        CreateToken(new TestTokenDescriptor { Audience = appId, ServiceUrl = serviceUrl });

    /// <summary>A valid Emulator token: v1 carries <c>appid</c>, v2 carries <c>azp</c>.</summary>
    public string CreateEmulatorToken(string appId, string version = "1.0") => CreateToken(new TestTokenDescriptor
    {
        Issuer = version == "2.0" ? EmulatorV2Issuer : EmulatorV1Issuer,
        Audience = appId,
        Version = version,
        AppId = version == "2.0" ? null : appId,
        AuthorizedParty = version == "2.0" ? appId : null,
        TenantId = "d6d49420-f39b-4df7-a1dc-d59a935871db",
        SigningKey = EmulatorKey,
    });

    /// <summary>Mints and signs a token as described.</summary>
    public string CreateToken(TestTokenDescriptor descriptor)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        var notBefore = descriptor.NotBefore ?? DateTimeOffset.UtcNow.AddMinutes(-1);
        var claims = new Dictionary<string, object>(StringComparer.Ordinal);
        AddClaim(claims, "serviceurl", descriptor.ServiceUrl);
        AddClaim(claims, "appid", descriptor.AppId);
        AddClaim(claims, "azp", descriptor.AuthorizedParty);
        AddClaim(claims, "ver", descriptor.Version);
        AddClaim(claims, "tid", descriptor.TenantId);
        var signingKey = descriptor.SigningKey ?? ChannelKey;
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = descriptor.Issuer,
            Audience = descriptor.Audience,
            NotBefore = notBefore.UtcDateTime,
            IssuedAt = notBefore.UtcDateTime,
            Expires = (descriptor.Expires ?? notBefore.AddHours(1)).UtcDateTime,
            Claims = claims,
            SigningCredentials = signingKey.CreateSigningCredentials(descriptor.KeyId, descriptor.Algorithm),
        });
    }

    public void Dispose()
    {
        _listener.Close();
        try
        {
            _serving.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // The accept loop ends by its listener being closed; how it ends does not matter here.
        }

        foreach (var key in _ownedKeys)
        {
            key.Dispose();
        }
    }

    private static void AddClaim(Dictionary<string, object> claims, string name, string? value)
    {
        if (value is not null)
        {
            claims[name] = value;
        }
    }

    private static (HttpListener Listener, string BaseUrl) StartListener()
    {
        // Another process can take the free port between probing and binding; a few attempts make that harmless.
        for (var attempt = 0; ; attempt++)
        {
            var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            var port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            var baseUrl = $"http://127.0.0.1:{port}/";
            var listener = new HttpListener();
            listener.Prefixes.Add(baseUrl);
            try
            {
                listener.Start();
                return (listener, baseUrl);
            }
            catch (HttpListenerException) when (attempt < 5)
            {
                listener.Close();
            }
        }
    }

    private TestSigningKey CreateKey(string keyId, IReadOnlyList<string>? endorsements)
    {
        var key = new TestSigningKey(keyId, endorsements);
        lock (_keysLock)
        {
            _ownedKeys.Add(key);
        }

        return key;
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            await RespondAsync(context).ConfigureAwait(false);
        }
    }

    private async Task RespondAsync(HttpListenerContext context)
    {
        using var response = context.Response;
        var path = context.Request.Url?.AbsolutePath ?? string.Empty;
        var body = Unavailable ? null : path switch
        {
            "/channel/.well-known/openidconfiguration" => Metadata(ChannelIssuer, "channel/keys"),
            "/emulator/v2.0/.well-known/openid-configuration" => Metadata(EmulatorV2Issuer, "emulator/keys"),
            "/channel/keys" => KeySet(_channelKeys),
            "/emulator/keys" => KeySet(_emulatorKeys),
            _ => null,
        };
        if (body is null)
        {
            response.StatusCode = Unavailable ? 503 : 404;
            return;
        }

        var bytes = Encoding.UTF8.GetBytes(body.ToJsonString());
        response.StatusCode = 200;
        response.ContentType = "application/json";
        response.ContentLength64 = bytes.Length;
        await response.OutputStream.WriteAsync(bytes).ConfigureAwait(false);
    }

    private JsonObject Metadata(string issuer, string keysPath)
    {
        Interlocked.Increment(ref _metadataRequests);
        return new JsonObject
        {
            ["issuer"] = issuer,
            ["authorization_endpoint"] = BaseUrl + "authorize",
            ["jwks_uri"] = BaseUrl + keysPath,
            ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
            ["token_endpoint_auth_methods_supported"] = new JsonArray("private_key_jwt"),
        };
    }

    private JsonObject KeySet(List<TestSigningKey> keys)
    {
        Interlocked.Increment(ref _keySetRequests);
        lock (_keysLock)
        {
            return new JsonObject { ["keys"] = new JsonArray([.. keys.Select(k => (JsonNode)k.ToJwk())]) };
        }
    }
}
