namespace BotTriage.Bot.State;

/// <summary>What is kept about a person across conversations: the language they chose.</summary>
public sealed record UserProfile(string Culture);
