using System.ComponentModel.DataAnnotations;

namespace BotTriage.Bot.Hosting;

/// <summary>The <c>Bot</c> section of the settings: turn behaviour of the host.</summary>
public sealed class BotOptions
{
    public const string SectionName = "Bot";

    /// <summary>How long a turn may take before a typing indicator is shown.</summary>
    [Range(0, 60_000)]
    public int TypingDelayMilliseconds { get; set; } = 500;

    /// <summary>How often the typing indicator repeats while the turn goes on (channels show it for about 3 s).</summary>
    [Range(500, 3_000)]
    public int TypingPeriodMilliseconds { get; set; } = 2000;

    /// <summary>How long the state of a conversation without consent stays in memory after its last turn.</summary>
    [Range(1, 24 * 60)]
    public int UnconsentedExpirationMinutes { get; set; } = 60;

    /// <summary>How often a turn is re-run after another instance saved the conversation first (ETag conflict).</summary>
    [Range(1, 20)]
    public int MaxTurnAttempts { get; set; } = 5;
}
