using Microsoft.Extensions.Options;

namespace BotTriage.Bot.Authentication;

/// <summary>Rejects settings under which the bot could not authenticate, so the host does not start half-configured.</summary>
internal sealed class BotFrameworkAuthenticationOptionsValidator : IValidateOptions<BotFrameworkAuthenticationOptions>
{
    public ValidateOptionsResult Validate(string? name, BotFrameworkAuthenticationOptions options)
    {
        var failures = new List<string>();
        CheckMetadataUrl(failures, "BotFramework:ChannelOpenIdMetadataUrl", options.ChannelOpenIdMetadataUrl);
        CheckMetadataUrl(failures, "BotFramework:EmulatorOpenIdMetadataUrl", options.EmulatorOpenIdMetadataUrl);

        if (!BotFrameworkAuthenticationOptions.TryParseAppType(options.MicrosoftAppType, out var appType))
        {
            failures.Add($"MicrosoftAppType '{options.MicrosoftAppType}' is not MultiTenant, SingleTenant or UserAssignedMSI.");
        }
        else if (!options.IsAuthenticationDisabled)
        {
            if (appType is MicrosoftAppType.SingleTenant or MicrosoftAppType.UserAssignedMSI
                && string.IsNullOrWhiteSpace(options.MicrosoftAppTenantId))
            {
                failures.Add($"MicrosoftAppType {appType} requires MicrosoftAppTenantId.");
            }

            if (appType == MicrosoftAppType.SingleTenant && string.IsNullOrWhiteSpace(options.MicrosoftAppPassword))
            {
                failures.Add("MicrosoftAppType SingleTenant requires MicrosoftAppPassword.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void CheckMetadataUrl(List<string> failures, string key, string? url)
    {
        if (!MetadataUrlPolicy.IsAllowed(url, out _))
        {
            failures.Add($"{key} '{url}' must be an absolute https URL (plain http only for localhost, 127.0.0.0/8 or ::1).");
        }
    }
}
