using System.Net;
using System.Security.Cryptography;
using System.Xml.Linq;
using BotTriage.Bot.Storage;
using BotTriage.Testing;
using BotTriage.Web.Hosting;
using BotTriage.Web.Tests.Support;
using BotTriage.Web.Tests.Therapists;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BotTriage.Web.Tests.Hosting;

/// <summary>
/// The data-protection key ring is stored encrypted: a copy of the database alone does not open the therapists'
/// cookies or the chat's tokens. The key-encryption key comes from configuration, else (SQLite) a key file in the
/// data folder, else (memory) the process; PostgreSQL requires it.
/// </summary>
public sealed class KeyRingEncryptionTests
{
    private static readonly XElement Secret = XElement.Parse("<key id=\"1\"><descriptor><masterKey><value>c2VjcmV0IG1hdGVyaWFs</value></masterKey></descriptor></key>");

    [Fact]
    public void AnEncryptedKeyOpensWithItsKeyEncryptionKeyOnly()
    {
        var key = KeyEncryptionKey.FromBytes(RandomNumberGenerator.GetBytes(32), "test");
        var other = KeyEncryptionKey.FromBytes(RandomNumberGenerator.GetBytes(32), "other");

        var encrypted = new KeyRingXmlEncryptor(key).Encrypt(Secret);

        Assert.Equal(typeof(KeyRingXmlDecryptor), encrypted.DecryptorType);
        Assert.DoesNotContain("c2VjcmV0IG1hdGVyaWFs", encrypted.EncryptedElement.ToString(), StringComparison.Ordinal);
        Assert.Equal(key.Id, (string?)encrypted.EncryptedElement.Attribute("kek"));
        Assert.Equal(Secret.ToString(), Decryptor(key).Decrypt(encrypted.EncryptedElement).ToString());
        var refused = Assert.Throws<CryptographicException>(() => Decryptor(other).Decrypt(encrypted.EncryptedElement));
        Assert.Contains(key.Id, refused.Message, StringComparison.Ordinal);
        Assert.Contains(other.Id, refused.Message, StringComparison.Ordinal);
        Assert.Contains("DataProtection:KeyEncryptionKey", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AChangedCiphertextOrKeyIdIsRefused()
    {
        var key = KeyEncryptionKey.FromBytes(RandomNumberGenerator.GetBytes(32), "test");
        var encrypted = new KeyRingXmlEncryptor(key).Encrypt(Secret).EncryptedElement;
        var bytes = Convert.FromBase64String(encrypted.Value);
        bytes[^20] ^= 1;
        var changed = new XElement(encrypted) { Value = Convert.ToBase64String(bytes) };
        var relabelled = new XElement(encrypted);
        relabelled.SetAttributeValue("kek", "0000000000000000");

        Assert.ThrowsAny<CryptographicException>(() => Decryptor(key).Decrypt(changed));
        Assert.ThrowsAny<CryptographicException>(() => Decryptor(key).Decrypt(relabelled));
        Assert.ThrowsAny<CryptographicException>(() => Decryptor(key).Decrypt(new XElement(encrypted) { Value = "not base64!" }));
    }

    [Fact]
    public void SqliteKeepsTheKeyInAFileOnlyItsOwnerReadsAndReadsTheSameKeyAgain()
    {
        using var directory = new TempDirectory();
        var storage = new StorageOptions { Provider = "sqlite", DataDirectory = directory.Path };

        var first = KeyEncryptionKey.Resolve(new KeyRingProtectionOptions(), storage);
        var second = KeyEncryptionKey.Resolve(new KeyRingProtectionOptions(), storage);

        var path = directory.File(KeyEncryptionKey.FileName);
        Assert.Equal(path, first.Source);
        Assert.Equal(first.Id, second.Id);
        Assert.Single(Directory.GetFiles(directory.Path));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        }

        File.WriteAllText(path, "broken");
        var broken = Assert.Throws<InvalidOperationException>(() => KeyEncryptionKey.Resolve(new KeyRingProtectionOptions(), storage));
        Assert.Contains(path, broken.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AConfiguredKeyWinsAndTheMemoryProviderMakesOneForTheProcess()
    {
        using var directory = new TempDirectory();
        var configured = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        var sqlite = new StorageOptions { Provider = "sqlite", DataDirectory = directory.Path };

        var fromSetting = KeyEncryptionKey.Resolve(new KeyRingProtectionOptions { KeyEncryptionKey = configured }, sqlite);
        var again = KeyEncryptionKey.Resolve(new KeyRingProtectionOptions { KeyEncryptionKey = configured }, new StorageOptions { Provider = "postgres" });
        var memory = KeyEncryptionKey.Resolve(new KeyRingProtectionOptions(), new StorageOptions { Provider = "memory", DataDirectory = directory.Path });

        Assert.Equal("DataProtection:KeyEncryptionKey", fromSetting.Source);
        Assert.Equal(fromSetting.Id, again.Id);
        Assert.Equal("memory", memory.Source);
        Assert.NotEqual(fromSetting.Id, memory.Id);
        Assert.Empty(Directory.GetFiles(directory.Path));
    }

    [Theory]
    [InlineData("sqlite", null, true)]
    [InlineData("memory", null, true)]
    [InlineData("postgres", null, false)]
    [InlineData("postgres", "c2hvcnQ=", false)]
    [InlineData("sqlite", "not base64 at all", false)]
    [InlineData("postgres", "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=", true)]
    public void TheSettingIsCheckedAtStartWithoutRepeatingIt(string provider, string? configured, bool valid)
    {
        var validator = new KeyRingProtectionOptionsValidator(Options.Create(new StorageOptions { Provider = provider }));

        var result = validator.Validate(null, new KeyRingProtectionOptions { KeyEncryptionKey = configured });

        Assert.Equal(valid, result.Succeeded);
        if (!valid)
        {
            Assert.Contains("DataProtection:KeyEncryptionKey", result.FailureMessage, StringComparison.Ordinal);
            Assert.DoesNotContain(configured ?? "\0", result.FailureMessage, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void APostgresHostWithoutTheKeyDoesNotStart()
    {
        using var factory = new BotTriageFactory
        {
            Settings = [new("Storage:Provider", "postgres"), new("Storage:ConnectionString", "Host=127.0.0.1;Port=9;Database=none")],
        };

        var failed = Assert.ThrowsAny<OptionsValidationException>(() => factory.CreateClient());

        Assert.Contains("DataProtection:KeyEncryptionKey is required with Storage:Provider=postgres", failed.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task KeysInTheSqliteFileAreEncryptedAndOpenAgainAfterARestart()
    {
        using var directory = new TempDirectory();
        string protectedText;
        using (var before = new BotTriageFactory(directory.Path))
        {
            protectedText = before.Get<IDataProtectionProvider>().CreateProtector("test").Protect("payload");
            Assert.IsType<KeyRingXmlEncryptor>(before.Get<IOptions<KeyManagementOptions>>().Value.XmlEncryptor);
        }

        using var after = new BotTriageFactory(directory.Path);
        Assert.Equal("payload", after.Get<IDataProtectionProvider>().CreateProtector("test").Unprotect(protectedText));

        Assert.NotEmpty(await SqliteFile.FindAsync(after.DatabasePath, "encryptedKey"));
        Assert.Empty(await SqliteFile.FindAsync(after.DatabasePath, "masterKey"));
        Assert.True(File.Exists(Path.Combine(directory.Path, KeyEncryptionKey.FileName)));
    }

    [Fact]
    public void ACopyOfTheDatabaseWithoutItsKeyOpensNothingProtectedBefore()
    {
        using var directory = new TempDirectory();
        string protectedText;
        using (var original = new BotTriageFactory(directory.Path))
        {
            protectedText = original.Get<IDataProtectionProvider>().CreateProtector("test").Protect("payload");
        }

        // The database file stays, its key file is gone: as if the database alone was copied elsewhere.
        File.Delete(Path.Combine(directory.Path, KeyEncryptionKey.FileName));
        using var copy = new BotTriageFactory(directory.Path);
        var protector = copy.Get<IDataProtectionProvider>().CreateProtector("test");

        Assert.ThrowsAny<CryptographicException>(() => protector.Unprotect(protectedText));
        Assert.Equal("new", protector.Unprotect(protector.Protect("new")));
    }

    [Fact]
    public async Task TheLoginPageLogsNoWarningAboutKeysOrCaching()
    {
        var logs = new CapturedLogs();
        using var factory = WorkspaceClient.CreateFactoryWithServices(services => services.AddSingleton<ILoggerProvider>(logs));
        using var browser = factory.CreateBrowser();

        using var page = await browser.GetAsync("/therapists/login");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.True(page.Headers.CacheControl?.NoStore);
        Assert.Contains(logs.Entries, e => e.Message.StartsWith("Data-protection keys are encrypted at rest with the key from ", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Entries, e => e.Level >= LogLevel.Warning
            && (e.Category.StartsWith("Microsoft.AspNetCore.DataProtection", StringComparison.Ordinal) || e.Category.StartsWith("Microsoft.AspNetCore.Antiforgery", StringComparison.Ordinal)));
    }

    [Fact]
    public void TheMemoryProviderKeepsItsEncryptedKeyRingInMemory()
    {
        using var factory = new BotTriageFactory { Settings = [new("Storage:Provider", "memory")] };

        var options = factory.Get<IOptions<KeyManagementOptions>>().Value;
        var protector = factory.Get<IDataProtectionProvider>().CreateProtector("test");

        Assert.Equal("payload", protector.Unprotect(protector.Protect("payload")));
        Assert.IsType<KeyRingXmlEncryptor>(options.XmlEncryptor);
        var stored = Assert.Single(options.XmlRepository!.GetAllElements());
        Assert.Contains("encryptedKey", stored.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("masterKey", stored.ToString(), StringComparison.Ordinal);
    }

    private static KeyRingXmlDecryptor Decryptor(KeyEncryptionKey key) =>
        new(new ServiceCollection().AddSingleton(key).BuildServiceProvider());
}
