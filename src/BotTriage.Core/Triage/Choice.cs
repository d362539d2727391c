namespace BotTriage.Core.Triage;

/// <summary>A button: what it shows, and the text it sends back when pressed.</summary>
public sealed record Choice(string Code, string Label);
