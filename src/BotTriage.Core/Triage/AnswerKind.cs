namespace BotTriage.Core.Triage;

/// <summary>The kinds of answer a question can expect.</summary>
public enum AnswerKind
{
    YesNo,
    Choice,
    Number,
    Scale,
    BodyLocation,
    Duration,
    FreeText,
}
