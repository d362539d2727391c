using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace BotTriage.Web.DirectLine;

/// <summary>
/// Issues and checks Direct Line tokens: <c>base64url(payload).base64url(HMAC-SHA256(payload))</c>, the payload
/// holding the conversation id, the user id and the expiry. A token is only as good as its signature and its time.
/// </summary>
public sealed class DirectLineTokenService
{
    private readonly byte[] _key;
    private readonly byte[]? _secret;
    private readonly TimeProvider _timeProvider;

    public DirectLineTokenService(IOptions<DirectLineOptions> options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        var settings = options.Value;
        _key = string.IsNullOrEmpty(settings.TokenSigningKey) ? RandomNumberGenerator.GetBytes(32) : Convert.FromBase64String(settings.TokenSigningKey);
        _secret = string.IsNullOrEmpty(settings.Secret) ? null : Encoding.UTF8.GetBytes(settings.Secret);
        Lifetime = TimeSpan.FromMinutes(settings.TokenLifetimeMinutes);
        _timeProvider = timeProvider;
    }

    public TimeSpan Lifetime { get; }

    /// <summary>False when no <c>DirectLine:Secret</c> is configured: <c>/tokens/generate</c> is then off.</summary>
    public bool HasSecret => _secret is not null;

    /// <summary>A new conversation id, unguessable.</summary>
    public static string NewConversationId() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16));

    /// <summary>A new anonymous user id; Direct Line user ids begin with <c>dl_</c>.</summary>
    public static string NewUserId() => "dl_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));

    public string Issue(string conversationId, string userId, out DirectLineToken token)
    {
        token = new DirectLineToken(conversationId, userId, _timeProvider.GetUtcNow() + Lifetime);
        var payload = JsonSerializer.SerializeToUtf8Bytes(
            new TokenPayload(conversationId, userId, token.ExpiresAt.ToUnixTimeSeconds(), Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8))),
            DirectLineJsonContext.Default.TokenPayload);
        return Base64Url.EncodeToString(payload) + "." + Base64Url.EncodeToString(HMACSHA256.HashData(_key, payload));
    }

    /// <summary>The token's grant when its signature holds and it has not expired; else null.</summary>
    public DirectLineToken? Validate(string? value)
    {
        if (string.IsNullOrEmpty(value) || value.Length > 2048)
        {
            return null;
        }

        var dot = value.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0)
        {
            return null;
        }

        byte[] payload;
        byte[] signature;
        try
        {
            payload = Base64Url.DecodeFromChars(value.AsSpan(0, dot));
            signature = Base64Url.DecodeFromChars(value.AsSpan(dot + 1));
        }
        catch (FormatException)
        {
            return null;
        }

        if (!CryptographicOperations.FixedTimeEquals(HMACSHA256.HashData(_key, payload), signature))
        {
            return null;
        }

        TokenPayload? parsed;
        try
        {
            parsed = JsonSerializer.Deserialize(payload, DirectLineJsonContext.Default.TokenPayload);
        }
        catch (JsonException)
        {
            return null;
        }

        if (parsed is null || string.IsNullOrEmpty(parsed.Cid) || string.IsNullOrEmpty(parsed.Uid))
        {
            return null;
        }

        var expires = DateTimeOffset.FromUnixTimeSeconds(parsed.Exp);
        return expires <= _timeProvider.GetUtcNow() ? null : new DirectLineToken(parsed.Cid, parsed.Uid, expires);
    }

    /// <summary>True when <paramref name="value"/> is the configured secret, compared in constant time.</summary>
    public bool IsSecret(string? value) =>
        _secret is not null && value is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(value), _secret);

    internal sealed record TokenPayload(string Cid, string Uid, long Exp, string Jti);
}
