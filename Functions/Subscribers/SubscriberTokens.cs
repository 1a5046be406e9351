using System.Security.Cryptography;
using System.Text;

namespace Digest.Subscribers;

/// <summary>
/// Signed tokens for links in emails (unsubscribe): HMAC-SHA256 over a purpose and the subscriber's address, so a
/// link works without login or cookies and cannot be forged or reused for another address or purpose.
/// </summary>
public sealed class SubscriberTokens(byte[] signingKey)
{
    public const string Unsubscribe = "unsubscribe";

    public string Create(string purpose, string email)
    {
        var payload = Base64Url(Encoding.UTF8.GetBytes(Normalize(email)));
        return $"{payload}.{Sign(purpose, payload)}";
    }

    /// <summary>Returns the address the token was made for, or null when it is malformed or its signature is wrong.</summary>
    public string? Verify(string purpose, string token)
    {
        var dot = token.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0)
        {
            return null;
        }

        var payload = token[..dot];
        var expected = Encoding.ASCII.GetBytes(Sign(purpose, payload));
        var actual = Encoding.ASCII.GetBytes(token[(dot + 1)..]);
        if (!CryptographicOperations.FixedTimeEquals(expected, actual))
        {
            return null;
        }

        try
        {
            return Encoding.UTF8.GetString(FromBase64Url(payload));
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static string Normalize(string email) => email.Trim().ToLowerInvariant();

    private string Sign(string purpose, string payload) =>
        Base64Url(HMACSHA256.HashData(signingKey, Encoding.UTF8.GetBytes(purpose + "|" + payload)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[] FromBase64Url(string text)
    {
        var base64 = text.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '='));
    }
}
