namespace BotTriage.Testing;

/// <summary>What a <see cref="TestTokenIssuer"/> puts in a token. Null claims are left out.</summary>
public sealed record TestTokenDescriptor
{
    /// <summary>The <c>iss</c> claim; the Bot Framework channel issuer unless set.</summary>
    public string Issuer { get; init; } = TestTokenIssuer.ChannelIssuer;

    public string? Audience { get; init; }

    /// <summary>The <c>serviceurl</c> claim of channel tokens.</summary>
    public string? ServiceUrl { get; init; }

    /// <summary>The <c>appid</c> claim of v1 Emulator tokens.</summary>
    public string? AppId { get; init; }

    /// <summary>The <c>azp</c> claim of v2 Emulator tokens.</summary>
    public string? AuthorizedParty { get; init; }

    /// <summary>The <c>ver</c> claim: <c>1.0</c> or <c>2.0</c>.</summary>
    public string? Version { get; init; }

    public string? TenantId { get; init; }

    /// <summary>Default: one minute ago.</summary>
    public DateTimeOffset? NotBefore { get; init; }

    /// <summary>Default: one hour after <see cref="NotBefore"/>.</summary>
    public DateTimeOffset? Expires { get; init; }

    /// <summary>The key that signs; default: the issuer's channel key.</summary>
    public TestSigningKey? SigningKey { get; init; }

    /// <summary>The <c>kid</c> written in the header; default: the signing key's own id.</summary>
    public string? KeyId { get; init; }

    /// <summary>RS256 unless set.</summary>
    public string Algorithm { get; init; } = Microsoft.IdentityModel.Tokens.SecurityAlgorithms.RsaSha256;
}
