namespace BotTriage.Bot.Sessions;

/// <summary>How a triage session ended, as the therapist list shows it.</summary>
public enum SessionStatus
{
    /// <summary>The triage ran to its result.</summary>
    Completed,

    /// <summary>The person stopped, or has not finished (yet).</summary>
    Abandoned,

    /// <summary>An emergency interrupted the triage.</summary>
    Emergency,
}
