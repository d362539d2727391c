using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace BotTriage.Web.DirectLine;

/// <summary>
/// Issues and checks Direct Line tokens, whose payload holds the conversation id, the user id and the expiry. With
/// <c>DirectLine:TokenSigningKey</c> a token is <c>base64url(payload).base64url(HMAC-SHA256(payload))</c> under that
/// key. Without it the payload is sealed by ASP.NET Core data protection, whose keys are kept with the conversations
/// (<see cref="Hosting.KeyRing"/>): a visitor's token stays valid across a restart and on every instance. A token is
/// only as good as its seal and its time.
/// </summary>
public sealed class DirectLineTokenService
{
    /// <summary>The data-protection purpose of sealed tokens.</summary>
    internal const string Purpose = "BotTriage.DirectLine.Token.v1";

    private readonly byte[]? _key;
    private readonly IDataProtector _protector;
    private readonly byte[]? _secret;
    private readonly TimeProvider _timeProvider;

    public DirectLineTokenService(IOptions<DirectLineOptions> options, IDataProtectionProvider dataProtection, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(dataProtection);
        var settings = options.Value;
        _key = string.IsNullOrEmpty(settings.TokenSigningKey) ? null : Convert.FromBase64String(settings.TokenSigningKey);
        _protector = dataProtection.CreateProtector(Purpose);
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
        return _key is null
            ? Base64Url.EncodeToString(_protector.Protect(payload))
            : Base64Url.EncodeToString(payload) + "." + Base64Url.EncodeToString(HMACSHA256.HashData(_key, payload));
    }

    /// <summary>The token's grant when its signature holds and it has not expired; else null.</summary>
    public DirectLineToken? Validate(string? value)
    {
        if (string.IsNullOrEmpty(value) || value.Length > 2048)
        {
            return null;
        }

        if (Open(value) is not { } payload)
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

    // The payload of a token whose seal or signature holds; null for anything else.
    private byte[]? Open(string value)
    {
        try
        {
            if (_key is null)
            {
                return _protector.Unprotect(Base64Url.DecodeFromChars(value));
            }

            var dot = value.IndexOf('.', StringComparison.Ordinal);
            if (dot <= 0)
            {
                return null;
            }

            var payload = Base64Url.DecodeFromChars(value.AsSpan(0, dot));
            var signature = Base64Url.DecodeFromChars(value.AsSpan(dot + 1));
            return CryptographicOperations.FixedTimeEquals(HMACSHA256.HashData(_key, payload), signature) ? payload : null;
        }
        catch (Exception exception) when (exception is FormatException or CryptographicException)
        {
            return null;
        }
    }

    /// <summary>True when <paramref name="value"/> is the configured secret, compared in constant time.</summary>
    public bool IsSecret(string? value) =>
        _secret is not null && value is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(value), _secret);

    internal sealed record TokenPayload(string Cid, string Uid, long Exp, string Jti);
}
