using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Digest.Subscribers;

/// <summary>What a token check found.</summary>
public enum TokenStatus
{
    Valid,
    Expired,
    Invalid,
}

/// <summary>A checked token: its status and, when it is valid or only expired, the address (and name) it was made for.</summary>
public sealed record TokenCheck(TokenStatus Status, string? Email, string? Name = null);

/// <summary>
/// Tokens for links in emails (confirm, unsubscribe): the subscriber's address (and, for links that expire, the
/// expiry) encrypted and authenticated with AES-GCM under a key derived from the signing key, with the purpose as
/// associated data. A link works without login or cookies, cannot be forged, extended or reused for another address
/// or purpose, and does not show the address to anyone who sees the URL (proxies, access logs).
/// </summary>
public sealed class SubscriberTokens
{
    public const string Unsubscribe = "unsubscribe";
    public const string Confirm = "confirm";

    private const int NonceSize = 12;
    private const int TagSize = 16;

    private readonly byte[] key;
    private readonly byte[] nonceKey;

    public SubscriberTokens(byte[] signingKey)
    {
        ArgumentNullException.ThrowIfNull(signingKey);
        key = HKDF.DeriveKey(HashAlgorithmName.SHA256, signingKey, 32, info: Encoding.ASCII.GetBytes("digest subscriber tokens v1"));
        nonceKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, signingKey, 32, info: Encoding.ASCII.GetBytes("digest subscriber token nonces v1"));
    }

    /// <summary>A token that does not expire (unsubscribe links must keep working).</summary>
    public string Create(string purpose, string email) => Seal(purpose, Normalize(email));

    /// <summary>A token valid until <paramref name="expires"/>.</summary>
    /// <param name="purpose">What the link does (<see cref="Confirm"/>).</param>
    /// <param name="email">The address.</param>
    /// <param name="expires">When the link stops working.</param>
    /// <param name="name">The reader's name, carried to the confirmed subscription; one line, or null.</param>
    public string Create(string purpose, string email, DateTimeOffset expires, string? name = null)
    {
        if (name is not null && name.Any(char.IsControl))
        {
            throw new ArgumentException("A name must be one line without control characters.", nameof(name));
        }

        var text = Normalize(email) + "\n" + expires.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return Seal(purpose, string.IsNullOrEmpty(name) ? text : text + "\n" + name);
    }

    /// <summary>Returns the address a non-expiring token was made for, or null when it is malformed or forged.</summary>
    public string? Verify(string purpose, string token) =>
        Check(purpose, token, DateTimeOffset.MaxValue) is { Status: TokenStatus.Valid } check ? check.Email : null;

    /// <summary>Checks the token and, for tokens that expire, the expiry against <paramref name="now"/>.</summary>
    public TokenCheck Check(string purpose, string token, DateTimeOffset now)
    {
        var text = Open(purpose, token);
        if (text is null)
        {
            return new TokenCheck(TokenStatus.Invalid, null);
        }

        var parts = text.Split('\n');
        if (parts.Length == 1)
        {
            return new TokenCheck(TokenStatus.Valid, parts[0]);
        }

        if (parts.Length is not (2 or 3) || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return new TokenCheck(TokenStatus.Invalid, null);
        }

        return new TokenCheck(
            now < DateTimeOffset.FromUnixTimeSeconds(seconds) ? TokenStatus.Valid : TokenStatus.Expired, parts[0], parts.Length == 3 ? parts[2] : null);
    }

    private static string Normalize(string email) => email.Trim().ToLowerInvariant();

    private string Seal(string purpose, string text)
    {
        var plain = Encoding.UTF8.GetBytes(text);
        var sealedBytes = new byte[NonceSize + plain.Length + TagSize];
        // The nonce comes from the purpose and the text (as in SIV): the same link for the same reader every time, so
        // a rebuilt email is byte for byte the same, and a nonce never meets a second, different plaintext.
        var nonce = sealedBytes.AsSpan(0, NonceSize);
        HMACSHA256.HashData(nonceKey, Encoding.UTF8.GetBytes(purpose + "\0" + text)).AsSpan(0, NonceSize).CopyTo(nonce);
        using var aes = new AesGcm(key, TagSize);
        aes.Encrypt(nonce, plain, sealedBytes.AsSpan(NonceSize, plain.Length), sealedBytes.AsSpan(NonceSize + plain.Length), Encoding.UTF8.GetBytes(purpose));
        return Base64Url(sealedBytes);
    }

    private string? Open(string purpose, string token)
    {
        byte[] sealedBytes;
        try
        {
            sealedBytes = FromBase64Url(token);
        }
        catch (FormatException)
        {
            return null;
        }

        if (sealedBytes.Length <= NonceSize + TagSize)
        {
            return null;
        }

        var plain = new byte[sealedBytes.Length - NonceSize - TagSize];
        try
        {
            using var aes = new AesGcm(key, TagSize);
            aes.Decrypt(sealedBytes.AsSpan(0, NonceSize), sealedBytes.AsSpan(NonceSize, plain.Length), sealedBytes.AsSpan(NonceSize + plain.Length), plain, Encoding.UTF8.GetBytes(purpose));
            return Encoding.UTF8.GetString(plain);
        }
        catch (AuthenticationTagMismatchException)
        {
            return null;
        }
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[] FromBase64Url(string text)
    {
        if (text.Length == 0 || text.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_')))
        {
            throw new FormatException("not base64url");
        }

        var base64 = text.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '='));
    }
}
