using Microsoft.IdentityModel.Tokens;

namespace BotTriage.Bot.Authentication;

/// <summary>
/// One published signing key and its Bot Framework <c>endorsements</c>: the channel ids it may sign for
/// (null when the key carries none, as Entra keys for the Emulator do).
/// </summary>
internal sealed record OpenIdSigningKey(string KeyId, SecurityKey Key, IReadOnlyList<string>? Endorsements)
{
    public bool Endorses(string? channelId) =>
        !string.IsNullOrEmpty(channelId) && Endorsements is not null && Endorsements.Contains(channelId, StringComparer.Ordinal);
}
