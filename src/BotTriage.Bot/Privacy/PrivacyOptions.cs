using System.ComponentModel.DataAnnotations;

namespace BotTriage.Bot.Privacy;

/// <summary>The <c>Privacy</c> section: how long triage data is kept and how often the retention job runs.</summary>
public sealed class PrivacyOptions
{
    public const string SectionName = "Privacy";

    /// <summary>Days after its last change that a conversation's state, transcript and session are deleted.</summary>
    [Range(1, 3650)]
    public int RetentionDays { get; set; } = 90;

    /// <summary>Minutes between two runs of the retention job.</summary>
    [Range(1, 24 * 60)]
    public int RetentionSweepMinutes { get; set; } = 60;
}
