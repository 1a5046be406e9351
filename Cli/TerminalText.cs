using System.Globalization;
using System.Text;

namespace Digest.Cli;

/// <summary>
/// Text made safe to print on an operator's terminal: control characters (escape sequences, newlines, carriage
/// returns) and the invisible characters that reorder or hide text are shown escaped, so a file name or reason
/// cannot move the cursor, rewrite earlier lines or fake output.
/// </summary>
public static class TerminalText
{
    public static string Safe(string? text)
    {
        if (string.IsNullOrEmpty(text) || !text.Any(NeedsEscape))
        {
            return text ?? string.Empty;
        }

        var safe = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            safe.Append(c switch
            {
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                '\u001b' => "\\e",
                _ when NeedsEscape(c) => c <= '\u00ff' ? string.Create(CultureInfo.InvariantCulture, $"\\x{(int)c:x2}") : string.Create(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}"),
                _ => c.ToString(),
            });
        }

        return safe.ToString();
    }

    private static bool NeedsEscape(char c) =>
        char.IsControl(c) || c is '\u2028' or '\u2029' or (>= '\u202a' and <= '\u202e') or (>= '\u2066' and <= '\u2069') or '\u200e' or '\u200f' or '\u061c';
}
