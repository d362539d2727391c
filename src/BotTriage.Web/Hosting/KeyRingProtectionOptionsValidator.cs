using BotTriage.Bot.Storage;
using Microsoft.Extensions.Options;

namespace BotTriage.Web.Hosting;

/// <summary>
/// Checks <see cref="KeyRingProtectionOptions"/> at start: a configured key is base64 of exactly 32 bytes, and a
/// PostgreSQL store has one (its instances must all read the key ring, and the database must not hold the key that
/// opens it). The messages never repeat the configured value.
/// </summary>
public sealed class KeyRingProtectionOptionsValidator(IOptions<StorageOptions> storage) : IValidateOptions<KeyRingProtectionOptions>
{
    public ValidateOptionsResult Validate(string? name, KeyRingProtectionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.KeyEncryptionKey))
        {
            return StorageProviderNames.Is(storage.Value.Provider, StorageOptions.PostgresProvider)
                ? ValidateOptionsResult.Fail(
                    $"{KeyRingProtectionOptions.KeyEncryptionKeySetting} is required with Storage:Provider=postgres: base64 of 32 random bytes "
                    + "(for example from 'openssl rand -base64 32'), the same on every instance, kept outside the database.")
                : ValidateOptionsResult.Success;
        }

        return KeyEncryptionKey.TryDecode(options.KeyEncryptionKey, out _)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"{KeyRingProtectionOptions.KeyEncryptionKeySetting} must be base64 of exactly 32 bytes.");
    }
}
