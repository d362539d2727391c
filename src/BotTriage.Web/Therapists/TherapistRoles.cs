namespace BotTriage.Web.Therapists;

/// <summary>The workspace roles, which are also the names of their authorization policies.</summary>
public static class TherapistRoles
{
    /// <summary>Reads sessions, transcripts and exports.</summary>
    public const string Therapist = "therapist";

    /// <summary>Sees accounts, settings and the audit; reads no session without <see cref="Therapist"/> as well.</summary>
    public const string Admin = "admin";

    public static bool IsKnown(string role) => role is Therapist or Admin;
}
