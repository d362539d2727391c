namespace BotTriage.Web.Hosting;

/// <summary>
/// The <c>DataProtection</c> configuration section: the key that encrypts the data-protection key ring where it is
/// stored (see <see cref="KeyEncryptionKey"/>).
/// </summary>
public sealed class KeyRingProtectionOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "DataProtection";

    /// <summary>The setting's full name, for messages.</summary>
    public const string KeyEncryptionKeySetting = SectionName + ":" + nameof(KeyEncryptionKey);

    /// <summary>
    /// Base64 of 32 random bytes (AES-256), the same on every instance that shares the database; keep it in the
    /// environment or a secret store, never in the database. Required with PostgreSQL. Without it, SQLite keeps a key
    /// file in <c>Storage:DataDirectory</c>, and the memory provider a key that lives as long as the process.
    /// </summary>
    public string? KeyEncryptionKey { get; set; }
}
