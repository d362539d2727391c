using System.Xml.Linq;
using BotTriage.Bot.Security;
using BotTriage.Bot.Storage;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace BotTriage.Web.Hosting;

/// <summary>
/// ASP.NET Core data protection (the workspace's login and antiforgery cookies, the OpenID Connect sign-in state, the
/// chat's visitor tokens) with one application name for every instance, and its keys kept beside the conversations:
/// in the SQLite file or the PostgreSQL database (<see cref="StorageServiceCollectionExtensions.SelectKeyRingStore"/>),
/// encrypted there with the <see cref="KeyEncryptionKey"/>. So a cookie that one instance protected opens on every
/// other instance behind the same load balancer, a restart or a new container keeps everyone signed in, and a copy of
/// the database alone opens nothing. With the memory provider the keys live in memory, like everything else.
/// </summary>
public static class KeyRing
{
    /// <summary>The data-protection application name: the same on every instance, wherever it is installed.</summary>
    public const string ApplicationName = "BotTriage";

    public static IServiceCollection AddBotTriageKeyRing(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<KeyRingProtectionOptions>()
            .Bind(configuration.GetSection(KeyRingProtectionOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<KeyRingProtectionOptions>, KeyRingProtectionOptionsValidator>());
        services.TryAddSingleton(sp => KeyEncryptionKey.Resolve(
            sp.GetRequiredService<IOptions<KeyRingProtectionOptions>>().Value,
            sp.GetRequiredService<IOptions<StorageOptions>>().Value));
        services.AddHostedService<KeyEncryptionKeyCheck>();

        services.AddDataProtection().SetApplicationName(ApplicationName);
        services.AddOptions<KeyManagementOptions>().Configure<IServiceProvider>((options, provider) =>
        {
            options.XmlRepository = StorageServiceCollectionExtensions.SelectKeyRingStore(provider) is { } store
                ? new StoredKeyRing(store)
                : new MemoryKeyRing();
            options.XmlEncryptor = new KeyRingXmlEncryptor(provider.GetRequiredService<KeyEncryptionKey>());
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

/// <summary>A key ring that lives as long as the process: the memory provider's, which keeps nothing across a restart.</summary>
internal sealed class MemoryKeyRing : IXmlRepository
{
    private readonly List<XElement> _elements = [];

    public IReadOnlyCollection<XElement> GetAllElements()
    {
        lock (_elements)
        {
            return [.. _elements.Select(e => new XElement(e))];
        }
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        ArgumentNullException.ThrowIfNull(element);
        lock (_elements)
        {
            _elements.Add(new XElement(element));
        }
    }
}

/// <summary>
/// Resolves the <see cref="KeyEncryptionKey"/> when the host starts, so a key file that cannot be created or read stops
/// the start with its message instead of the first sign-in, and says where the key comes from.
/// </summary>
internal sealed class KeyEncryptionKeyCheck(IServiceProvider services, ILogger<KeyEncryptionKeyCheck> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var key = services.GetRequiredService<KeyEncryptionKey>();
        WebLog.KeyRingEncrypted(logger, key.Source, key.Id);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
