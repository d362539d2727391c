namespace BotTriage.Bot.Transcripts;

/// <summary>One stored transcript: which conversation, and when it started and last changed.</summary>
public sealed record TranscriptInfo(string ChannelId, string ConversationId, DateTimeOffset Created, DateTimeOffset LastActivity, int ActivityCount);
