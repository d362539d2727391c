namespace BotTriage.Bot.Schema;

/// <summary>The answer of a Connector call that created something: the id it was given.</summary>
public sealed record ResourceResponse(string? Id = null);
