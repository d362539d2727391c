namespace BotTriage.Bot.Builder;

/// <summary>What the transcript logger does with a turn's activities; the bot decides from the person's consent.</summary>
public enum TranscriptDecision
{
    /// <summary>No consent answer yet: keep the activities in memory only, until consent is given or declined.</summary>
    Hold,

    /// <summary>Consent given: write what was held and this turn's activities to the transcript store.</summary>
    Keep,

    /// <summary>Consent declined, or the data was erased: drop what was held and this turn's activities.</summary>
    Discard,

    /// <summary>A message delivered again after it was applied: record nothing of this turn, leave what was held.</summary>
    Ignore,
}
