namespace BotTriage.Testing;

/// <summary>One request seen by a <see cref="RecordingHttpMessageHandler"/>.</summary>
public sealed record RecordedRequest(HttpMethod Method, Uri Uri, string? Body);
