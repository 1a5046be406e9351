using System.Text;

namespace Digest.Articles.Decoding;

/// <summary>
/// Normalises decoded text before parsing: one line ending (<c>\n</c>), NFC composition, no-break and other odd
/// spaces to plain spaces, invisible characters (zero-width, soft hyphen, BOM) removed. Curly quotes and dashes are
/// content and stay as they are.
/// </summary>
internal static class TextNormalizer
{
    /// <summary>Normalises a whole document, keeping its line structure.</summary>
    public static string Normalize(string text)
    {
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '\r':
                    builder.Append('\n');
                    if (i + 1 < text.Length && text[i + 1] == '\n')
                    {
                        i++;
                    }

                    break;
                case '\n' or '\u2028':
                    builder.Append('\n');
                    break;
                case '\u2029':
                    builder.Append("\n\n");
                    break;
                case '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF' or '\u00AD':
                    break;
                case '\t' or '\f' or '\v':
                    builder.Append(' ');
                    break;
                default:
                    if (char.IsControl(c))
                    {
                        break;
                    }

                    builder.Append(char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.SpaceSeparator ? ' ' : c);
                    break;
            }
        }

        return builder.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>Collapses runs of white space and control characters to single spaces and trims the ends.</summary>
    public static string CollapseWhitespace(string text)
    {
        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }
}
