using System.ComponentModel.DataAnnotations;

namespace BotTriage.Web.DirectLine;

/// <summary>
/// The <c>DirectLine</c> section: the built-in Direct Line 3.0 endpoint the chat page talks to. Without a
/// <see cref="Secret"/> only the page's anonymous tokens exist and <c>/tokens/generate</c> is off. Without a
/// <see cref="TokenSigningKey"/> tokens are sealed with the data-protection keys stored beside the conversations, so
/// they outlive the process. A conversation's log lives in memory only; when a valid token reaches a process without
/// it, the log starts afresh after the client's watermark.
/// </summary>
public sealed class DirectLineOptions
{
    public const string SectionName = "DirectLine";

    /// <summary>The secret a server presents to <c>/tokens/generate</c>; from the environment, never in a file.</summary>
    public string? Secret { get; set; }

    /// <summary>Base64 of at least 32 bytes for the tokens' HMAC-SHA256 signature; empty means tokens sealed with the stored data-protection keys.</summary>
    public string? TokenSigningKey { get; set; }

    [Range(1, 24 * 60)]
    public int TokenLifetimeMinutes { get; set; } = 30;

    /// <summary>A conversation's log is dropped this long after its last activity.</summary>
    [Range(1, 24 * 60)]
    public int ConversationIdleMinutes { get; set; } = 60;

    /// <summary>The oldest conversation is dropped when a new one would exceed this.</summary>
    [Range(1, 1_000_000)]
    public int MaxConversations { get; set; } = 1000;

    /// <summary>
    /// How many visitor tokens (<c>POST /api/chat/token</c>, each a new anonymous conversation) one client address may
    /// take per minute; more answer 429. An IPv6 address counts by its /64 network.
    /// </summary>
    [Range(1, 100_000)]
    public int VisitorTokensPerMinute { get; set; } = 20;

    /// <summary>The oldest activities of a conversation are dropped beyond this.</summary>
    [Range(10, 100_000)]
    public int MaxActivitiesPerConversation { get; set; } = 500;
}
