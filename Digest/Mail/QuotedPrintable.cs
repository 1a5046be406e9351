using System.Text;

namespace Digest.Mail;

/// <summary>
/// Quoted-printable body encoding (RFC 2045, section 6.7) of UTF-8 text. Any line break in the text becomes a CRLF
/// hard break; encoded lines are at most 76 characters, ending in a soft break '=' where a line had to be split.
/// The output never contains "=_", which is what makes <see cref="MimeMessageWriter"/>'s boundaries safe.
/// </summary>
internal static class QuotedPrintable
{
    private const int MaxLineLength = 76;

    public static void Encode(string text, StringBuilder output)
    {
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (i > 0)
            {
                output.Append("\r\n");
            }

            EncodeLine(Encoding.UTF8.GetBytes(lines[i]), output);
        }
    }

    private static void EncodeLine(byte[] bytes, StringBuilder output)
    {
        var lineLength = 0;
        for (var i = 0; i < bytes.Length; i++)
        {
            var b = bytes[i];
            var isLast = i == bytes.Length - 1;
            var literal = (b is >= 33 and <= 126 && b != '=') || (b is (byte)' ' or (byte)'\t' && !isLast);
            var tokenLength = literal ? 1 : 3;

            // Keep room for the soft break '=' unless this token ends the line.
            var limit = isLast ? MaxLineLength : MaxLineLength - 1;
            if (lineLength + tokenLength > limit)
            {
                output.Append("=\r\n");
                lineLength = 0;
            }

            if (literal)
            {
                output.Append((char)b);
            }
            else
            {
                output.Append('=').Append(Convert.ToHexString([b]));
            }

            lineLength += tokenLength;
        }
    }
}
