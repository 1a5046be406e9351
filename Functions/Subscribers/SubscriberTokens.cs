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

/// <summary>A checked token: its status and, when it is valid or only expired, the address it was made for.</summary>
public sealed record TokenCheck(TokenStatus Status, string? Email);

/// <summary>
/// Signed tokens for links in emails (confirm, unsubscribe): HMAC-SHA256 over a purpose and the payload (the
/// subscriber's address and, for links that expire, the expiry time), so a link works without login or cookies and
/// cannot be forged, extended or reused for another address or purpose.
/// </summary>
public sealed class SubscriberTokens(byte[] signingKey)
{
    public const string Unsubscribe = "unsubscribe";
    public const string Confirm = "confirm";

    /// <summary>A token that does not expire (unsubscribe links must keep working).</summary>
    public string Create(string purpose, string email) => Sign(purpose, Normalize(email));

    /// <summary>A token valid until <paramref name="expires"/>.</summary>
    public string Create(string purpose, string email, DateTimeOffset expires) =>
        Sign(purpose, Normalize(email) + "\n" + expires.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));

    /// <summary>Returns the address a non-expiring token was made for, or null when it is malformed or forged.</summary>
    public string? Verify(string purpose, string token) =>
        Check(purpose, token, DateTimeOffset.MaxValue) is { Status: TokenStatus.Valid } check ? check.Email : null;

    /// <summary>Checks the signature and, for tokens that expire, the expiry against <paramref name="now"/>.</summary>
    public TokenCheck Check(string purpose, string token, DateTimeOffset now)
    {
        var dot = token.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0)
        {
            return new TokenCheck(TokenStatus.Invalid, null);
        }

        var payload = token[..dot];
        var expected = Encoding.ASCII.GetBytes(Signature(purpose, payload));
        var actual = Encoding.ASCII.GetBytes(token[(dot + 1)..]);
        if (!CryptographicOperations.FixedTimeEquals(expected, actual))
        {
            return new TokenCheck(TokenStatus.Invalid, null);
        }

        string text;
        try
        {
            text = Encoding.UTF8.GetString(FromBase64Url(payload));
        }
        catch (FormatException)
        {
            return new TokenCheck(TokenStatus.Invalid, null);
        }

        var parts = text.Split('\n');
        if (parts.Length == 1)
        {
            return new TokenCheck(TokenStatus.Valid, parts[0]);
        }

        if (parts.Length != 2 || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return new TokenCheck(TokenStatus.Invalid, null);
        }

        return new TokenCheck(now < DateTimeOffset.FromUnixTimeSeconds(seconds) ? TokenStatus.Valid : TokenStatus.Expired, parts[0]);
    }

    private static string Normalize(string email) => email.Trim().ToLowerInvariant();

    private string Sign(string purpose, string text)
    {
        var payload = Base64Url(Encoding.UTF8.GetBytes(text));
        return $"{payload}.{Signature(purpose, payload)}";
    }

    private string Signature(string purpose, string payload) =>
        Base64Url(HMACSHA256.HashData(signingKey, Encoding.UTF8.GetBytes(purpose + "|" + payload)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[] FromBase64Url(string text)
    {
        var base64 = text.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '='));
    }
}
