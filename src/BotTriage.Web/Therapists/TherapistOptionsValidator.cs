using BotTriage.Bot.Privacy;
using Microsoft.Extensions.Options;

namespace BotTriage.Web.Therapists;

/// <summary>Rejects accounts that could never log in, or that would log in unsafely, when the host starts.</summary>
internal sealed class TherapistOptionsValidator : IValidateOptions<TherapistOptions>
{
    public ValidateOptionsResult Validate(string? name, TherapistOptions options)
    {
        var failures = new List<string>();
        for (var i = 0; i < options.Accounts.Count; i++)
        {
            var account = options.Accounts[i];
            var where = $"Therapists:Accounts:{i}";
            if (string.IsNullOrWhiteSpace(account.UserName))
            {
                failures.Add($"{where}:UserName is empty.");
            }

            if (!PasswordHasher.IsValid(account.PasswordHash, out var problem))
            {
                failures.Add($"{where}:PasswordHash is {problem}.");
            }

            if (account.Roles.Count == 0 || account.Roles.Any(r => !TherapistRoles.IsKnown(r)))
            {
                failures.Add($"{where}:Roles must be one or more of '{TherapistRoles.Therapist}' and '{TherapistRoles.Admin}'.");
            }
        }

        if (options.Accounts.GroupBy(a => a.UserName, StringComparer.OrdinalIgnoreCase).Any(g => g.Count() > 1))
        {
            failures.Add("Therapists:Accounts has the same UserName more than once.");
        }

        if (options.MaxFailedAttempts is < 1 or > 100)
        {
            failures.Add("Therapists:MaxFailedAttempts must be between 1 and 100.");
        }

        if (options.LoginAttemptsPerMinute is < 1 or > 10_000)
        {
            failures.Add("Therapists:LoginAttemptsPerMinute must be between 1 and 10000.");
        }

        if (options.LockoutMinutes is < 1 or > 24 * 60)
        {
            failures.Add("Therapists:LockoutMinutes must be between 1 and 1440.");
        }

        if (options.PageSize is < 1 or > 500)
        {
            failures.Add("Therapists:PageSize must be between 1 and 500.");
        }

        ValidateOpenIdConnect(options.OpenIdConnect, failures);

        try
        {
            _ = TimeZoneInfo.FindSystemTimeZoneById(options.TimeZone);
        }
        catch (Exception exception) when (exception is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            failures.Add($"Therapists:TimeZone '{options.TimeZone}' is not a known time zone.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>https only, except a loopback provider (a local test provider); every setting the code flow needs.</summary>
    internal static bool IsAllowedEndpoint(Uri uri) =>
        uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback);

    private static void ValidateOpenIdConnect(TherapistOpenIdConnectOptions oidc, List<string> failures)
    {
        const string where = "Therapists:OpenIdConnect";
        if (!oidc.IsEnabled)
        {
            if (!string.IsNullOrWhiteSpace(oidc.ClientId) || !string.IsNullOrWhiteSpace(oidc.ClientSecret))
            {
                failures.Add($"{where}:Authority is empty while ClientId or ClientSecret is set.");
            }

            return;
        }

        if (!Uri.TryCreate(oidc.Authority, UriKind.Absolute, out var authority) || !IsAllowedEndpoint(authority)
            || !string.IsNullOrEmpty(authority.Query) || !string.IsNullOrEmpty(authority.Fragment))
        {
            failures.Add($"{where}:Authority must be an https URL without query (http only on loopback).");
        }

        if (string.IsNullOrWhiteSpace(oidc.ClientId))
        {
            failures.Add($"{where}:ClientId is empty.");
        }

        if (string.IsNullOrWhiteSpace(oidc.ClientSecret))
        {
            failures.Add($"{where}:ClientSecret is empty.");
        }

        // The state cookie and the workspace cookie are scoped to /therapists, so the callback must be under it.
        if (!oidc.CallbackPath.StartsWith("/therapists/", StringComparison.Ordinal) || oidc.CallbackPath.Length <= "/therapists/".Length
            || oidc.CallbackPath.AsSpan().IndexOfAny("?#\\ ") >= 0 || oidc.CallbackPath.Contains("//", StringComparison.Ordinal)
            || oidc.CallbackPath is "/therapists/login" or "/therapists/login/oidc" or "/therapists/logout")
        {
            failures.Add($"{where}:CallbackPath must be a path under /therapists/ of its own.");
        }

        var therapist = oidc.RoleClaimValues.Therapist;
        var admin = oidc.RoleClaimValues.Admin;
        if (string.IsNullOrWhiteSpace(therapist) || string.IsNullOrWhiteSpace(admin) || string.Equals(therapist, admin, StringComparison.Ordinal))
        {
            failures.Add($"{where}:RoleClaimValues:Therapist and :Admin must be two different, non-empty app role values.");
        }
    }
}
