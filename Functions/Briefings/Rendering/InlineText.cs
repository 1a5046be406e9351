using System.Text;

namespace Digest.Briefings.Rendering;

/// <summary>
/// Makes article text safe to place on one line: control characters and line breaks become spaces and runs of
/// white space collapse, so a headline cannot break the layout of the plain-text copy or a header.
/// </summary>
internal static class InlineText
{
    public static string Clean(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

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
