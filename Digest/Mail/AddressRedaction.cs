using System.Text.RegularExpressions;

namespace Digest.Mail;

/// <summary>
/// Removes email addresses from text that may reach a log, such as a mail server's or SendGrid's error message,
/// so no subscriber address is logged.
/// </summary>
internal static partial class AddressRedaction
{
    private const int MaxLength = 2000;

    public static string Redact(string text)
    {
        var redacted = Address().Replace(text, "[address]");
        return redacted.Length <= MaxLength ? redacted : redacted[..MaxLength] + "\u2026";
    }

    [GeneratedRegex(@"[^\s<>()\[\]""',;:]+@[^\s<>()\[\]""',;:]+")]
    private static partial Regex Address();
}
