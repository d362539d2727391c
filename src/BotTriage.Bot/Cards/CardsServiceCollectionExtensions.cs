using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace BotTriage.Bot.Cards;

/// <summary>Registers the result card builder and its validated <c>Booking</c> section.</summary>
public static class CardsServiceCollectionExtensions
{
    public static IServiceCollection AddTriageResultCards(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<BookingOptions>().Bind(configuration.GetSection(BookingOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<BookingOptions>, BookingOptionsValidator>());
        services.TryAddSingleton<TriageResultCards>();
        return services;
    }
}
