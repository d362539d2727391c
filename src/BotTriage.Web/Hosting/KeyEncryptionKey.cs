using System.Security.Cryptography;
using System.Text;
using BotTriage.Bot.Storage;

namespace BotTriage.Web.Hosting;

/// <summary>
/// The AES-256 key that encrypts the data-protection key ring at rest (<see cref="KeyRingXmlEncryptor"/>), so a copy
/// of the database (a backup, an export, a reader of the table) does not hand out the keys behind the therapists'
/// login cookies and the visitors' chat tokens. Where it comes from, in order: <c>DataProtection:KeyEncryptionKey</c>;
/// with SQLite a key file in <c>Storage:DataDirectory</c>, created on first start and readable by its owner only;
/// with the memory provider a random key for the life of the process (its key ring lives in memory too). PostgreSQL
/// requires the setting (<see cref="KeyRingProtectionOptionsValidator"/>).
/// </summary>
public sealed class KeyEncryptionKey
{
    /// <summary>The key file's name in <c>Storage:DataDirectory</c>.</summary>
    public const string FileName = "keyring.key";

    private const int KeyBytes = 32;

    private readonly byte[] _key;

    private KeyEncryptionKey(byte[] key, string source)
    {
        _key = key;
        Source = source;

        // An id for the key that gives nothing away about it, stored beside what it encrypts, so that a key ring read
        // with another key says so instead of failing as a broken ciphertext.
        Id = Convert.ToHexStringLower(SHA256.HashData([.. "bottriage-keyring-kek\n"u8, .. key])[..8]);
    }

    /// <summary>A short public id of this key (hex), recorded with every element it encrypts.</summary>
    public string Id { get; }

    /// <summary>Where the key came from, for the start log: the setting's name, the key file's path, or "memory".</summary>
    public string Source { get; }

    /// <summary>The key from configuration, the key file or the process, as described on the type.</summary>
    public static KeyEncryptionKey Resolve(KeyRingProtectionOptions options, StorageOptions storage)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(storage);
        if (!string.IsNullOrWhiteSpace(options.KeyEncryptionKey))
        {
            return TryDecode(options.KeyEncryptionKey, out var configured)
                ? new KeyEncryptionKey(configured, KeyRingProtectionOptions.KeyEncryptionKeySetting)
                : throw new InvalidOperationException($"{KeyRingProtectionOptions.KeyEncryptionKeySetting} must be base64 of exactly 32 bytes.");
        }

        if (StorageProviderNames.Is(storage.Provider, StorageOptions.SqliteProvider))
        {
            var path = Path.Combine(storage.DataDirectory, FileName);
            return new KeyEncryptionKey(ReadOrCreateFile(path), path);
        }

        if (StorageProviderNames.Is(storage.Provider, StorageOptions.MemoryProvider))
        {
            return new KeyEncryptionKey(RandomNumberGenerator.GetBytes(KeyBytes), "memory");
        }

        throw new InvalidOperationException(
            $"{KeyRingProtectionOptions.KeyEncryptionKeySetting} is required with Storage:Provider={storage.Provider}.");
    }

    /// <summary>A key made from <paramref name="key"/> (32 bytes), for tests and tools.</summary>
    public static KeyEncryptionKey FromBytes(ReadOnlySpan<byte> key, string source)
    {
        if (key.Length != KeyBytes)
        {
            throw new ArgumentException("A key-encryption key is 32 bytes.", nameof(key));
        }

        return new KeyEncryptionKey(key.ToArray(), source);
    }

    /// <summary>True when <paramref name="base64"/> is base64 of exactly 32 bytes.</summary>
    public static bool TryDecode(string base64, out byte[] key)
    {
        ArgumentNullException.ThrowIfNull(base64);
        var buffer = new byte[Math.Max(base64.Length, KeyBytes)];
        if (Convert.TryFromBase64String(base64.Trim(), buffer, out var length) && length == KeyBytes)
        {
            key = buffer[..KeyBytes];
            return true;
        }

        key = [];
        return false;
    }

    /// <summary>AES-GCM under this key: nonce, ciphertext and tag in one array.</summary>
    internal byte[] Seal(ReadOnlySpan<byte> plaintext, ReadOnlySpan<byte> associatedData)
    {
        var sealedBytes = new byte[AesGcm.NonceByteSizes.MaxSize + plaintext.Length + AesGcm.TagByteSizes.MaxSize];
        var nonce = sealedBytes.AsSpan(0, AesGcm.NonceByteSizes.MaxSize);
        var ciphertext = sealedBytes.AsSpan(nonce.Length, plaintext.Length);
        var tag = sealedBytes.AsSpan(nonce.Length + plaintext.Length);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_key, AesGcm.TagByteSizes.MaxSize);
        aes.Encrypt(nonce, plaintext, ciphertext, tag, associatedData);
        return sealedBytes;
    }

    /// <summary>The plaintext of <see cref="Seal"/>'s output; throws <see cref="CryptographicException"/> when it was changed.</summary>
    internal byte[] Open(ReadOnlySpan<byte> sealedBytes, ReadOnlySpan<byte> associatedData)
    {
        var overhead = AesGcm.NonceByteSizes.MaxSize + AesGcm.TagByteSizes.MaxSize;
        if (sealedBytes.Length < overhead)
        {
            throw new CryptographicException("The encrypted key ring element is too short.");
        }

        var nonce = sealedBytes[..AesGcm.NonceByteSizes.MaxSize];
        var ciphertext = sealedBytes[nonce.Length..^AesGcm.TagByteSizes.MaxSize];
        var tag = sealedBytes[^AesGcm.TagByteSizes.MaxSize..];
        var plaintext = new byte[ciphertext.Length];
        using var aes = new AesGcm(_key, AesGcm.TagByteSizes.MaxSize);
        aes.Decrypt(nonce, ciphertext, tag, plaintext, associatedData);
        return plaintext;
    }

    // The key file holds the key as base64 text. It is written whole to a temporary file (owner read/write only) and
    // then moved into place, never overwriting: a second instance starting at the same moment either finds the file
    // complete or loses the move and reads the winner's.
    private static byte[] ReadOrCreateFile(string path)
    {
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            var created = RandomNumberGenerator.GetBytes(KeyBytes);
            var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            try
            {
                using (var stream = new FileStream(temporary, options))
                {
                    stream.Write(Encoding.ASCII.GetBytes(Convert.ToBase64String(created) + "\n"));
                    stream.Flush(flushToDisk: true);
                }

                File.Move(temporary, path, overwrite: false);
                return created;
            }
            catch (IOException) when (File.Exists(path))
            {
                // Another instance's file got there first: read it below.
            }
            finally
            {
                File.Delete(temporary);
            }
        }

        var text = File.ReadAllText(path);
        return TryDecode(text, out var key)
            ? key
            : throw new InvalidOperationException(
                $"The key file {path} does not hold base64 of 32 bytes. Restore it from a backup; deleting it signs out every therapist and ends every open chat.");
    }
}
