using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;

namespace BotTriage.Web.Hosting;

/// <summary>
/// Encrypts each data-protection key before it is stored, with AES-256-GCM under the <see cref="KeyEncryptionKey"/>.
/// What is stored in place of the key's secret:
/// <c>&lt;encryptedKey xmlns="urn:bottriage:keyring:v1" kek="{key id}"&gt;base64(nonce, ciphertext, tag)&lt;/encryptedKey&gt;</c>;
/// the key id and the format's name are the associated data, so neither can be swapped without the tag failing.
/// </summary>
public sealed class KeyRingXmlEncryptor(KeyEncryptionKey key) : IXmlEncryptor
{
    internal static readonly XNamespace Namespace = "urn:bottriage:keyring:v1";
    internal static readonly XName ElementName = Namespace + "encryptedKey";
    internal const string KeyIdAttribute = "kek";

    public EncryptedXmlInfo Encrypt(XElement plaintextElement)
    {
        ArgumentNullException.ThrowIfNull(plaintextElement);
        var plaintext = Encoding.UTF8.GetBytes(plaintextElement.ToString(SaveOptions.DisableFormatting));
        try
        {
            var sealedBytes = key.Seal(plaintext, AssociatedData(key.Id));
            var element = new XElement(ElementName, new XAttribute(KeyIdAttribute, key.Id), Convert.ToBase64String(sealedBytes));
            return new EncryptedXmlInfo(element, typeof(KeyRingXmlDecryptor));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plaintext);
        }
    }

    internal static byte[] AssociatedData(string keyId) => Encoding.UTF8.GetBytes($"{Namespace.NamespaceName}\n{keyId}");
}
