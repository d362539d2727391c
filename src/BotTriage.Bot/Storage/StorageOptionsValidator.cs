using BotTriage.Bot.Storage.Postgres;
using Microsoft.Extensions.Options;

namespace BotTriage.Bot.Storage;

/// <summary>Rejects storage settings that would only fail later, at the first turn.</summary>
internal sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        var failures = new List<string>();
        if (!StorageProviderNames.IsKnown(options.Provider))
        {
            failures.Add(
                $"Storage:Provider '{options.Provider}' is not supported; use '{StorageOptions.SqliteProvider}', '{StorageOptions.PostgresProvider}' or '{StorageOptions.MemoryProvider}'.");
        }

        if (StorageProviderNames.Is(options.Provider, StorageOptions.SqliteProvider)
            && string.IsNullOrWhiteSpace(options.ConnectionString)
            && string.IsNullOrWhiteSpace(options.DataDirectory))
        {
            failures.Add("Storage:DataDirectory must be set when Storage:ConnectionString is empty.");
        }

        if (StorageProviderNames.Is(options.Provider, StorageOptions.PostgresProvider))
        {
            failures.AddRange(PostgresConnectionStringCheck.Validate(options.ConnectionString));
        }

        if (options.MemorySlidingExpirationMinutes <= 0)
        {
            failures.Add("Storage:MemorySlidingExpirationMinutes must be a positive number of minutes.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
