namespace BotTriage.Web.Therapists;

/// <summary>The <c>Therapists</c> section: the workspace's accounts, lockout and display settings.</summary>
public sealed class TherapistOptions
{
    public const string SectionName = "Therapists";

    public List<TherapistAccount> Accounts { get; set; } = [];

    /// <summary>Sign-in with an OpenID Connect provider such as Microsoft Entra ID; off unless an authority is set.</summary>
    public TherapistOpenIdConnectOptions OpenIdConnect { get; set; } = new();

    /// <summary>Failed logins in a row after which an account is locked.</summary>
    public int MaxFailedAttempts { get; set; } = 5;

    /// <summary>How long a locked account stays locked.</summary>
    public int LockoutMinutes { get; set; } = 15;

    /// <summary>Login form posts one client address may make per minute (an IPv6 address counts by its /64 network).</summary>
    public int LoginAttemptsPerMinute { get; set; } = 20;

    /// <summary>Sessions per page of the list.</summary>
    public int PageSize { get; set; } = 25;

    /// <summary>The IANA time zone dates and times are shown and filtered in.</summary>
    public string TimeZone { get; set; } = "Europe/Amsterdam";
}
