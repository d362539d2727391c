namespace BotTriage.Core.Dialogs;

/// <summary>One choice of a choice question: its stable code and its label in both languages.</summary>
public sealed record DialogChoice(string Code, LocalizedText Label);
