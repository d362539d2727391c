using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace BotTriage.Bot.Teams;

/// <summary>
/// Rejects a <c>Teams</c> section the bot could not apply safely, so the host does not start with a half-working
/// allow-list or a workplace route that leads nowhere. Every problem is listed with its key.
/// </summary>
public sealed partial class TeamsOptionsValidator : IValidateOptions<TeamsOptions>
{
    /// <summary>The routes a workplace may send to its own partners; medical routes always stay with emergency care and the GP.</summary>
    public static readonly IReadOnlyList<string> RedirectableRoutes = ["physio", "psychologist", "massage", "self-care"];

    public ValidateOptionsResult Validate(string? name, TeamsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        for (var i = 0; i < options.AllowedTenants.Count; i++)
        {
            if (!IsGuid(options.AllowedTenants[i]))
            {
                failures.Add($"Teams:AllowedTenants:{i} '{options.AllowedTenants[i]}' is not a tenant id (a GUID such as 72f988bf-86f1-41af-91ab-2d7cd011db47).");
            }
        }

        if (!IsHexColor(options.AccentColor))
        {
            failures.Add($"Teams:AccentColor '{options.AccentColor}' is not a colour of the form #RRGGBB.");
        }

        foreach (var (tenantId, workplace) in options.Workplaces)
        {
            var prefix = $"Teams:Workplaces:{tenantId}";
            if (!IsGuid(tenantId))
            {
                failures.Add($"{prefix}: the key must be the tenant id (a GUID).");
            }
            else if (options.AllowedTenants.Count > 0 && !options.AllowedTenants.Contains(tenantId, StringComparer.OrdinalIgnoreCase))
            {
                failures.Add($"{prefix}: the tenant is not in Teams:AllowedTenants, so its people could never reach the bot.");
            }

            if (string.IsNullOrWhiteSpace(workplace.EmployerName))
            {
                failures.Add($"{prefix}:EmployerName is required; the welcome names the employer that cannot read the conversation.");
            }

            foreach (var (route, partner) in workplace.Routes)
            {
                ValidateRoute(failures, $"{prefix}:Routes:{route}", route, partner);
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    public static bool IsGuid(string? value) => value is not null && GuidPattern().IsMatch(value);

    public static bool IsHexColor(string? value) => value is not null && HexColorPattern().IsMatch(value);

    public static bool IsHttpsUrl(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps && !string.IsNullOrEmpty(uri.Host);

    private static void ValidateRoute(List<string> failures, string key, string route, WorkplaceRouteOptions partner)
    {
        if (!RedirectableRoutes.Contains(route, StringComparer.Ordinal))
        {
            failures.Add($"{key}: '{route}' cannot lead to a workplace partner; only {string.Join(", ", RedirectableRoutes)} can (emergency care and the GP always come first).");
        }

        if (string.IsNullOrWhiteSpace(partner.NameDutch) || string.IsNullOrWhiteSpace(partner.NameEnglish))
        {
            failures.Add($"{key}: NameDutch and NameEnglish are both required.");
        }

        if (string.IsNullOrWhiteSpace(partner.BookingUrl) && string.IsNullOrWhiteSpace(partner.Phone))
        {
            failures.Add($"{key}: give a BookingUrl, a Phone, or both.");
        }

        if (!string.IsNullOrWhiteSpace(partner.BookingUrl) && !IsHttpsUrl(partner.BookingUrl))
        {
            failures.Add($"{key}:BookingUrl '{partner.BookingUrl}' must be an absolute https URL.");
        }

        if (!string.IsNullOrWhiteSpace(partner.Phone) && !PhonePattern().IsMatch(partner.Phone))
        {
            failures.Add($"{key}:Phone '{partner.Phone}' may hold only digits, spaces, '+', '-' and parentheses.");
        }
    }

    [GeneratedRegex("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")]
    private static partial Regex GuidPattern();

    [GeneratedRegex("^#[0-9a-fA-F]{6}$")]
    private static partial Regex HexColorPattern();

    [GeneratedRegex(@"^\+?[0-9 ()\-]{3,20}$")]
    private static partial Regex PhonePattern();
}
