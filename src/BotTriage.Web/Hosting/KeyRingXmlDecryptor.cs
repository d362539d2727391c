using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;

namespace BotTriage.Web.Hosting;

/// <summary>
/// Opens what <see cref="KeyRingXmlEncryptor"/> stored. ASP.NET Core creates it by type name when it reads the key
/// ring, with the host's services, from which it takes the <see cref="KeyEncryptionKey"/>.
/// </summary>
public sealed class KeyRingXmlDecryptor : IXmlDecryptor
{
    private readonly KeyEncryptionKey _key;

    public KeyRingXmlDecryptor(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        _key = services.GetRequiredService<KeyEncryptionKey>();
    }

    public XElement Decrypt(XElement encryptedElement)
    {
        ArgumentNullException.ThrowIfNull(encryptedElement);
        if (encryptedElement.Name != KeyRingXmlEncryptor.ElementName)
        {
            throw new CryptographicException($"Expected a {KeyRingXmlEncryptor.ElementName.LocalName} element in the key ring, found {encryptedElement.Name.LocalName}.");
        }

        var keyId = (string?)encryptedElement.Attribute(KeyRingXmlEncryptor.KeyIdAttribute) ?? "";
        if (!string.Equals(keyId, _key.Id, StringComparison.Ordinal))
        {
            throw new CryptographicException(
                $"This data-protection key was encrypted with another key-encryption key (id {keyId}) than the one configured (id {_key.Id}, from {_key.Source}); "
                + $"set {KeyRingProtectionOptions.KeyEncryptionKeySetting} to the key the other instances use.");
        }

        byte[] sealedBytes;
        try
        {
            sealedBytes = Convert.FromBase64String(encryptedElement.Value);
        }
        catch (FormatException exception)
        {
            throw new CryptographicException("The encrypted data-protection key is not base64.", exception);
        }

        var plaintext = _key.Open(sealedBytes, KeyRingXmlEncryptor.AssociatedData(keyId));
        try
        {
            return XElement.Parse(Encoding.UTF8.GetString(plaintext));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plaintext);
        }
    }
}
