namespace BotTriage.Bot.Authentication;

/// <summary>How the bot's Entra app registration authenticates, as the Bot Framework's <c>MicrosoftAppType</c> setting.</summary>
public enum MicrosoftAppType
{
    /// <summary>A multi-tenant app with a client secret; tokens come from the <c>botframework.com</c> tenant.</summary>
    MultiTenant,

    /// <summary>A single-tenant app with a client secret; tokens come from <c>MicrosoftAppTenantId</c>.</summary>
    SingleTenant,

    /// <summary>A user-assigned managed identity whose client id is <c>MicrosoftAppId</c>; no secret.</summary>
    UserAssignedMSI,
}
