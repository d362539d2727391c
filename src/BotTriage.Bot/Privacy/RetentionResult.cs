namespace BotTriage.Bot.Privacy;

/// <summary>What one retention run deleted, by count.</summary>
public sealed record RetentionResult(DateTimeOffset Cutoff, int Sessions, int States, int Transcripts);
