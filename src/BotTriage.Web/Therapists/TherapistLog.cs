namespace BotTriage.Web.Therapists;

// Workspace log lines: account names and outcomes only; no session content, no passwords.
internal static partial class TherapistLog
{
    [LoggerMessage(EventId = 2100, Level = LogLevel.Information, Message = "Workspace login for {UserName}")]
    public static partial void LoggedIn(ILogger logger, string userName);

    [LoggerMessage(EventId = 2101, Level = LogLevel.Warning, Message = "Workspace login failed for {UserName}; locked {Locked}")]
    public static partial void LoginFailed(ILogger logger, string userName, bool locked);
}
