using System.Xml.Linq;
using BotTriage.Bot.Security;
using BotTriage.Bot.Storage;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace BotTriage.Web.Hosting;

/// <summary>
/// ASP.NET Core data protection (the workspace's login and antiforgery cookies, the OpenID Connect sign-in state)
/// with one application name for every instance, and its keys kept beside the conversations: in the SQLite file or
/// the PostgreSQL database (<see cref="StorageServiceCollectionExtensions.SelectKeyRingStore"/>). So a cookie that one
/// instance protected opens on every other instance behind the same load balancer, and a restart or a new container
/// keeps everyone signed in. With the memory provider ASP.NET Core's default folder of the user stays.
/// </summary>
public static class KeyRing
{
    /// <summary>The data-protection application name: the same on every instance, wherever it is installed.</summary>
    public const string ApplicationName = "BotTriage";

    public static IServiceCollection AddBotTriageKeyRing(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddDataProtection().SetApplicationName(ApplicationName);
        services.AddOptions<KeyManagementOptions>().Configure<IServiceProvider>((options, provider) =>
        {
            if (StorageServiceCollectionExtensions.SelectKeyRingStore(provider) is { } store)
            {
                options.XmlRepository = new StoredKeyRing(store);
            }
        });
        return services;
    }
}

/// <summary>ASP.NET Core's key repository over an <see cref="IKeyRingStore"/>.</summary>
internal sealed class StoredKeyRing(IKeyRingStore store) : IXmlRepository
{
    public IKeyRingStore Store => store;

    public IReadOnlyCollection<XElement> GetAllElements() => [.. store.GetAll().Select(XElement.Parse)];

    public void StoreElement(XElement element, string friendlyName)
    {
        ArgumentNullException.ThrowIfNull(element);
        store.Store(friendlyName ?? "", element.ToString(SaveOptions.DisableFormatting));
    }
}
