namespace BotTriage.Core.Understanding;

/// <summary>The entity type names, as they appear in <see cref="ModelResult.TypeName"/> and in JSON.</summary>
public static class EntityTypes
{
    public const string Number = "number";
    public const string Duration = "duration";
    public const string Boolean = "boolean";
    public const string PainScore = "painScore";
    public const string BodyLocation = "bodyLocation";
    public const string RedFlag = "redFlag";
    public const string Emergency = "emergency";
}
