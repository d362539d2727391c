namespace BotTriage.Core.Triage;

/// <summary>Which side of the body a complaint is on.</summary>
public enum BodySide
{
    Unspecified,
    Left,
    Right,
    Both,
}
