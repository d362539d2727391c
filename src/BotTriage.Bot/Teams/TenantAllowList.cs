using Microsoft.Extensions.Options;

namespace BotTriage.Bot.Teams;

/// <summary>
/// <c>Teams:AllowedTenants</c>: the organisations whose people may use the bot in Teams. An empty list admits every
/// tenant; a configured one admits only those, and an activity that names no tenant is then refused too.
/// </summary>
public sealed class TenantAllowList(IOptions<TeamsOptions> options)
{
    private readonly HashSet<string> _tenants = new(options.Value.AllowedTenants.Select(t => t.Trim()), StringComparer.OrdinalIgnoreCase);

    public bool IsRestricted => _tenants.Count > 0;

    public bool IsAllowed(string? tenantId) => !IsRestricted || (tenantId is not null && _tenants.Contains(tenantId));
}
