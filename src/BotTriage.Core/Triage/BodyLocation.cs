namespace BotTriage.Core.Triage;

/// <summary>A body area by its stable code (<c>lower-back</c>, <c>calf</c>) and the side, when said.</summary>
public sealed record BodyLocation(string Code, BodySide Side = BodySide.Unspecified);
