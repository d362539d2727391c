using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace BotTriage.Bot.Teams;

/// <summary>Registers the Teams behaviour: the <c>Teams</c> settings (validated at start), the tenant gate and the reply shaping.</summary>
public static class TeamsServiceCollectionExtensions
{
    public static IServiceCollection AddBotTriageTeams(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<TeamsOptions>().Bind(configuration.GetSection(TeamsOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TeamsOptions>, TeamsOptionsValidator>());
        services.TryAddSingleton<TenantAllowList>();
        services.TryAddSingleton<TeamsGateMiddleware>();
        services.TryAddSingleton<ITeamsResultCard, TeamsResultCard>();
        services.TryAddSingleton<TeamsReplies>();
        return services;
    }
}
