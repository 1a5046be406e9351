using System.Security.Cryptography;
using System.Text;

namespace Digest.Storage.AzureStorage;

/// <summary>A storage account name and its key: signs a string-to-sign with HMAC-SHA256 as Shared Key requires.</summary>
public sealed class StorageSharedKey
{
    private readonly byte[] key;

    public StorageSharedKey(string accountName, string base64Key)
    {
        ArgumentException.ThrowIfNullOrEmpty(accountName);
        AccountName = accountName;
        try
        {
            key = Convert.FromBase64String(base64Key);
        }
        catch (FormatException)
        {
            throw new FormatException($"The AccountKey for storage account '{accountName}' is not valid base64.");
        }
    }

    public string AccountName { get; }

    /// <summary>Base64 HMAC-SHA256 of the UTF-8 string-to-sign.</summary>
    public string Sign(string stringToSign) =>
        Convert.ToBase64String(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(stringToSign)));

    /// <summary>Never prints the key.</summary>
    public override string ToString() => $"SharedKey({AccountName})";
}
