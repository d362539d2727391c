namespace BotTriage.Bot.Authentication;

/// <summary>The keys read from one metadata URL, by key id, and when they were fetched.</summary>
internal sealed record OpenIdSigningKeys(IReadOnlyDictionary<string, OpenIdSigningKey> Keys, DateTimeOffset FetchedAt);
