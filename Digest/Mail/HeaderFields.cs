using System.Text;

namespace Digest.Mail;

/// <summary>
/// Writes header fields (RFC 5322 section 2.2, RFC 2047): folds long values at spaces to keep lines within 78
/// characters where possible and 998 always, turns text that is not plain ASCII into UTF-8 encoded-words, and
/// rejects CR or LF in any value so no one can inject a header.
/// </summary>
internal static class HeaderFields
{
    private const int PreferredLineLength = 78;
    private const int MaxLineLength = 998;

    // 39 bytes become 52 base64 characters: a 64-character encoded-word that fits a line after "Subject: ".
    private const int EncodedWordBytes = 39;

    /// <summary>Throws when <paramref name="value"/> contains CR or LF.</summary>
    public static void EnsureSingleLine(string value, string what)
    {
        if (value.Contains('\r') || value.Contains('\n'))
        {
            throw new ArgumentException($"{what} contains a line break (CR or LF); header values must be a single line.", what);
        }
    }

    /// <summary>Appends an unstructured field such as Subject, encoding it when it is not plain printable ASCII.</summary>
    public static void AppendText(StringBuilder output, string name, string value)
    {
        EnsureSingleLine(value, name);
        if (IsPlainAscii(value) && !value.Contains("=?", StringComparison.Ordinal))
        {
            var folded = Fold(name, value.Split(' '));
            if (LongestLine(folded) <= PreferredLineLength)
            {
                output.Append(folded);
                return;
            }
        }

        output.Append(Fold(name, EncodedWords(value)));
    }

    /// <summary>Appends an address field: <c>"Display Name" &lt;address&gt;</c>, or the bare address.</summary>
    public static void AppendMailbox(StringBuilder output, string name, MailAddress mailbox)
    {
        ArgumentNullException.ThrowIfNull(mailbox, name);
        EmailAddressRules.EnsureValid(mailbox.Address, name);
        if (string.IsNullOrEmpty(mailbox.DisplayName))
        {
            output.Append(Fold(name, [mailbox.Address]));
            return;
        }

        EnsureSingleLine(mailbox.DisplayName, $"{name} display name");
        var quoted = $"\"{mailbox.DisplayName.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)}\"";
        var phrase = IsPlainAscii(mailbox.DisplayName) && !mailbox.DisplayName.Contains("=?", StringComparison.Ordinal)
            && quoted.Length <= PreferredLineLength / 2
            ? [quoted]
            : EncodedWords(mailbox.DisplayName);
        output.Append(Fold(name, [.. phrase, $"<{mailbox.Address}>"]));
    }

    /// <summary>Appends a field whose value must already be printable ASCII, e.g. List-Unsubscribe.</summary>
    public static void AppendAscii(StringBuilder output, string name, string value)
    {
        EnsureSingleLine(value, name);
        if (!IsPlainAscii(value))
        {
            throw new ArgumentException($"Header {name} must be printable ASCII.", name);
        }

        var folded = Fold(name, value.Split(' '));
        if (LongestLine(folded) > MaxLineLength)
        {
            throw new ArgumentException($"Header {name} has a part too long for a {MaxLineLength}-character line.", name);
        }

        output.Append(folded);
    }

    /// <summary>True for a valid field name: printable ASCII without spaces or ':'.</summary>
    public static bool IsFieldName(string name) => name.Length > 0 && name.All(c => c is > ' ' and <= '~' and not ':');

    private static bool IsPlainAscii(string value) => value.All(c => c is >= ' ' and <= '~');

    /// <summary>
    /// Joins <paramref name="words"/> with single spaces after "Name: ", starting a new line (CRLF + the space)
    /// before a word that would pass 78 characters. Unfolding gives back the exact value.
    /// </summary>
    private static string Fold(string name, IReadOnlyList<string> words)
    {
        var field = new StringBuilder(name).Append(':');
        var lineLength = field.Length;
        for (var i = 0; i < words.Count; i++)
        {
            var word = words[i];
            var lineHasText = i > 0;
            if (lineHasText && word.Length > 0 && lineLength + 1 + word.Length > PreferredLineLength)
            {
                field.Append("\r\n");
                lineLength = 0;
            }

            field.Append(' ').Append(word);
            lineLength += 1 + word.Length;
        }

        return field.Append("\r\n").ToString();
    }

    private static int LongestLine(string folded) =>
        folded.Split("\r\n").Max(line => line.Length);

    /// <summary>Splits <paramref name="text"/> into UTF-8 base64 encoded-words without cutting a character apart.</summary>
    private static List<string> EncodedWords(string text)
    {
        var words = new List<string>();
        var chunk = new List<byte>(EncodedWordBytes);
        Span<byte> buffer = stackalloc byte[4];
        foreach (var rune in text.EnumerateRunes())
        {
            var length = rune.EncodeToUtf8(buffer);
            if (chunk.Count + length > EncodedWordBytes)
            {
                words.Add(EncodedWord(chunk));
                chunk.Clear();
            }

            chunk.AddRange(buffer[..length]);
        }

        if (chunk.Count > 0 || words.Count == 0)
        {
            words.Add(EncodedWord(chunk));
        }

        return words;
    }

    private static string EncodedWord(List<byte> bytes) => $"=?UTF-8?B?{Convert.ToBase64String([.. bytes])}?=";
}
