namespace BotTriage.Web.Therapists;

// Workspace log lines: account names and outcomes only; no session content, no passwords.
internal static partial class TherapistLog
{
    [LoggerMessage(EventId = 2100, Level = LogLevel.Information, Message = "Workspace login for {UserName}")]
    public static partial void LoggedIn(ILogger logger, string userName);

    [LoggerMessage(EventId = 2101, Level = LogLevel.Warning, Message = "Workspace login failed for {UserName}; locked {Locked}")]
    public static partial void LoginFailed(ILogger logger, string userName, bool locked);

    [LoggerMessage(EventId = 2102, Level = LogLevel.Information, Message = "Workspace login through OpenID Connect")]
    public static partial void OpenIdConnectLoggedIn(ILogger logger);

    [LoggerMessage(EventId = 2103, Level = LogLevel.Warning, Message = "Workspace OpenID Connect login refused: {Reason} ({ErrorType})")]
    public static partial void OpenIdConnectFailed(ILogger logger, string reason, string errorType);

    [LoggerMessage(EventId = 2104, Level = LogLevel.Warning, Message = "OpenID Connect token endpoint answered {Status}")]
    public static partial void OpenIdConnectTokenEndpointFailed(ILogger logger, int status);

    [LoggerMessage(EventId = 2105, Level = LogLevel.Warning, Message = "OpenID Connect id token rejected: {ErrorType}")]
    public static partial void OpenIdConnectTokenRejected(ILogger logger, string errorType);
}
