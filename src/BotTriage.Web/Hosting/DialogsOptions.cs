namespace BotTriage.Web.Hosting;

/// <summary>The <c>Dialogs</c> section: where the triage content is read from at start.</summary>
public sealed class DialogsOptions
{
    public const string SectionName = "Dialogs";

    /// <summary>The dialogs folder; empty means the <c>dialogs</c> folder next to the program.</summary>
    public string? Directory { get; set; }
}
