namespace BotTriage.Bot.Teams;

/// <summary>
/// One employer's wellness programme: its name, shown in the welcome, and which of its own partners a route leads
/// to (for example <c>physio</c> to the employer's physiotherapy partner, <c>psychologist</c> to the company's EAP
/// line). Medical routes (<c>emergency-112</c>, <c>gp</c>) are never redirected.
/// </summary>
public sealed class WorkplaceOptions
{
    /// <summary>The employer's name as people know it.</summary>
    public string EmployerName { get; set; } = "";

    /// <summary>The employer's partner per route code.</summary>
    public IDictionary<string, WorkplaceRouteOptions> Routes { get; } = new Dictionary<string, WorkplaceRouteOptions>(StringComparer.Ordinal);
}
