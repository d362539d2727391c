namespace BotTriage.Core.Dialogs;

/// <summary>The names of the flow's triggers: the answer that was given.</summary>
public static class Trigger
{
    public const string Yes = "yes";
    public const string No = "no";
    public const string Unknown = "unknown";

    /// <summary>Any answer to a question that is not yes/no or a choice.</summary>
    public const string Answered = "answered";
}
