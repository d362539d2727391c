namespace BotTriage.Bot.Builder;

/// <summary>Keys of values that middleware, the bot and the adapter pass each other in <see cref="ITurnContext.TurnState"/>.</summary>
public static class TurnStateKeys
{
    /// <summary>The <see cref="Schema.InvokeResponse"/> of an <c>invoke</c> turn.</summary>
    public const string InvokeResponse = "BotTriage.InvokeResponse";

    /// <summary>The conversation's language (<c>nl</c>/<c>en</c>) once the bot knows it; the error handler answers in it.</summary>
    public const string Culture = "BotTriage.Culture";

    /// <summary>The <see cref="Builder.TranscriptDecision"/> the bot made for this turn's activities.</summary>
    public const string TranscriptDecision = "BotTriage.TranscriptDecision";

    /// <summary>Set when the turn failed because the state store could not be reached; the adapter answers 503.</summary>
    public const string StorageUnavailable = "BotTriage.StorageUnavailable";
}
