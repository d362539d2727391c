namespace BotTriage.Web.Therapists;

/// <summary>One workspace account from <c>Therapists:Accounts</c>: a name, a password hash and its roles.</summary>
public sealed class TherapistAccount
{
    public string UserName { get; set; } = "";

    /// <summary>A hash made by <c>bottriage hash-password</c>; never the password itself.</summary>
    public string PasswordHash { get; set; } = "";

    /// <summary><c>therapist</c> reads sessions; <c>admin</c> sees accounts, settings and the audit.</summary>
    public List<string> Roles { get; set; } = [];
}
