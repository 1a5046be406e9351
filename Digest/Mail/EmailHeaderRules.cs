namespace Digest.Mail;

/// <summary>
/// Digest's rules for header values, checked before any email is handed to MimeKit or SendGrid: no CR or LF anywhere
/// (so nobody can inject a header), field names of printable ASCII without ':', and extra headers in printable ASCII.
/// </summary>
internal static class EmailHeaderRules
{
    /// <summary>Throws when <paramref name="value"/> contains CR or LF.</summary>
    public static void EnsureSingleLine(string value, string what)
    {
        if (HasLineBreak(value))
        {
            throw new ArgumentException($"{what} contains a line break (CR or LF); header values must be a single line.", what);
        }
    }

    /// <summary>True when <paramref name="value"/> contains CR or LF.</summary>
    public static bool HasLineBreak(string? value) => value is not null && value.AsSpan().IndexOfAny('\r', '\n') >= 0;

    /// <summary>Checks an extra header: a valid field name and a single line of printable ASCII.</summary>
    public static void EnsureExtraHeader(string name, string value)
    {
        if (!IsFieldName(name))
        {
            throw new ArgumentException($"'{Printable(name)}' is not a valid header name.", nameof(name));
        }

        EnsureSingleLine(value, name);
        if (!value.All(c => c is >= ' ' and <= '~'))
        {
            throw new ArgumentException($"Header {name} must be printable ASCII.", name);
        }
    }

    /// <summary>True for a valid field name: printable ASCII without spaces or ':'.</summary>
    public static bool IsFieldName(string name) => name.Length > 0 && name.All(c => c is > ' ' and <= '~' and not ':');

    public static string Printable(string? text) =>
        text is null ? "(null)" : text.Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);
}
