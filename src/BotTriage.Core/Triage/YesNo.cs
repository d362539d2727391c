namespace BotTriage.Core.Triage;

/// <summary>A yes/no answer, where "I don't know" is an answer of its own.</summary>
public enum YesNo
{
    No,
    Yes,
    Unknown,
}
