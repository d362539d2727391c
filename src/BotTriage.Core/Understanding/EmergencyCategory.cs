namespace BotTriage.Core.Understanding;

/// <summary>Which emergency advice an emergency phrase calls for.</summary>
public enum EmergencyCategory
{
    /// <summary>Call 112.</summary>
    Medical,

    /// <summary>113 Zelfmoordpreventie (113 or 0800-0113), 112 in acute danger.</summary>
    Suicide,
}
