namespace BotTriage.Bot.Authentication;

/// <summary>
/// The bot's identity and where the signing keys of inbound tokens are published. The app settings are the
/// Bot Framework's root keys (<c>MicrosoftAppId</c>, <c>MicrosoftAppPassword</c>, <c>MicrosoftAppType</c>,
/// <c>MicrosoftAppTenantId</c>); the metadata URLs live in the <c>BotFramework</c> section.
/// There is deliberately no setting that turns token validation off.
/// </summary>
public sealed class BotFrameworkAuthenticationOptions
{
    /// <summary>The configuration section holding the metadata URLs.</summary>
    public const string SectionName = "BotFramework";

    /// <summary>Where Azure Bot Service publishes the keys that sign channel tokens.</summary>
    public const string DefaultChannelOpenIdMetadataUrl = "https://login.botframework.com/v1/.well-known/openidconfiguration";

    /// <summary>Where Entra publishes the keys that sign Emulator tokens (the SDK's default).</summary>
    public const string DefaultEmulatorOpenIdMetadataUrl = "https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration";

    /// <summary>The bot's app id; when empty, authentication is disabled and requests without a token are anonymous.</summary>
    public string? MicrosoftAppId { get; set; }

    /// <summary>The client secret for MultiTenant and SingleTenant apps; from an environment variable, never a file.</summary>
    public string? MicrosoftAppPassword { get; set; }

    /// <summary><c>MultiTenant</c> (default, also when empty), <c>SingleTenant</c> or <c>UserAssignedMSI</c>.</summary>
    public string? MicrosoftAppType { get; set; }

    /// <summary>The tenant of a SingleTenant or managed-identity app; its Emulator issuers are accepted too.</summary>
    public string? MicrosoftAppTenantId { get; set; }

    /// <summary>OpenID metadata for channel tokens; https, or http on a loopback host for tests.</summary>
    public string ChannelOpenIdMetadataUrl { get; set; } = DefaultChannelOpenIdMetadataUrl;

    /// <summary>OpenID metadata for Emulator tokens; https, or http on a loopback host for tests.</summary>
    public string EmulatorOpenIdMetadataUrl { get; set; } = DefaultEmulatorOpenIdMetadataUrl;

    /// <summary>True when no app id is configured (local and Emulator use without credentials).</summary>
    public bool IsAuthenticationDisabled => string.IsNullOrWhiteSpace(MicrosoftAppId);

    /// <summary>The parsed <see cref="MicrosoftAppType"/>; an empty setting means MultiTenant, as in the SDK.</summary>
    /// <exception cref="InvalidOperationException">The setting is not one of the three types (caught at start by validation).</exception>
    public MicrosoftAppType AppType => TryParseAppType(MicrosoftAppType, out var type)
        ? type
        : throw new InvalidOperationException($"MicrosoftAppType '{MicrosoftAppType}' is not MultiTenant, SingleTenant or UserAssignedMSI.");

    internal static bool TryParseAppType(string? value, out MicrosoftAppType type)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            type = Authentication.MicrosoftAppType.MultiTenant;
            return true;
        }

        return Enum.TryParse(value.Trim(), ignoreCase: true, out type) && Enum.IsDefined(type);
    }
}
