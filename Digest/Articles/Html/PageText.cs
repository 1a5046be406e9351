using System.Text;

namespace Digest.Articles.Html;

/// <summary>Whitespace normalisation of page text.</summary>
internal static class PageText
{
    /// <summary>Collapses runs of whitespace (non-breaking spaces included) to one space, drops invisible characters and trims.</summary>
    public static string Normalize(string text)
    {
        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = builder.Length > 0;
            }
            else if (!IsInvisible(c))
            {
                if (pendingSpace)
                {
                    builder.Append(' ');
                    pendingSpace = false;
                }

                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary>Zero-width characters and soft hyphens, which carry no text.</summary>
    public static bool IsInvisible(char c) => c is '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF' or '\u00AD';
}
