using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.Tokens;

namespace BotTriage.Testing;

/// <summary>An RSA key a <see cref="TestTokenIssuer"/> signs with, and the endorsements it publishes for it.</summary>
public sealed class TestSigningKey : IDisposable
{
    private readonly RSA _rsa;

    public TestSigningKey(string keyId, IReadOnlyList<string>? endorsements)
    {
        ArgumentException.ThrowIfNullOrEmpty(keyId);
        KeyId = keyId;
        Endorsements = endorsements;
        _rsa = RSA.Create(2048);
    }

    /// <summary>The <c>kid</c> published in the key set and written into tokens.</summary>
    public string KeyId { get; }

    /// <summary>The channel ids this key is endorsed for; null publishes no <c>endorsements</c> property (as Entra keys).</summary>
    public IReadOnlyList<string>? Endorsements { get; }

    /// <summary>Signing credentials that write <paramref name="keyId"/> (default: this key's id) into the token header.</summary>
    public SigningCredentials CreateSigningCredentials(string? keyId = null, string algorithm = SecurityAlgorithms.RsaSha256) =>
        new(new RsaSecurityKey(_rsa) { KeyId = keyId ?? KeyId }, algorithm);

    /// <summary>The public key as a JWK, with Bot Framework endorsements when it has them.</summary>
    public JsonObject ToJwk()
    {
        var parameters = _rsa.ExportParameters(includePrivateParameters: false);
        var jwk = new JsonObject
        {
            ["kty"] = "RSA",
            ["use"] = "sig",
            ["kid"] = KeyId,
            ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
            ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
        };
        if (Endorsements is not null)
        {
            jwk["endorsements"] = new JsonArray([.. Endorsements.Select(e => JsonValue.Create(e))]);
        }

        return jwk;
    }

    public void Dispose() => _rsa.Dispose();
}
