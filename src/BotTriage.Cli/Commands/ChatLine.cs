namespace BotTriage.Cli.Commands;

/// <summary>One line of a chat transcript: who said it (<c>user</c> or <c>bot</c>) and what.</summary>
public sealed record ChatLine(string From, string Text);
