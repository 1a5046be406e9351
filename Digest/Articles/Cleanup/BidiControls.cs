using System.Text;

namespace Digest.Articles.Cleanup;

/// <summary>
/// The invisible characters that reorder text (the bidi embeddings, overrides and isolates U+202A–U+202E and
/// U+2066–U+2069, and the marks U+200E, U+200F, U+061C). In a headline or outlet they make "Bidi \u202Egnp.exe" read
/// "exe.png" in a mail client; news text needs none of them (a right-to-left script is shown right-to-left without
/// them). Intake removes them from every field of a parsed article, so no output (web page, email, text, terminal)
/// can carry them.
/// </summary>
public static class BidiControls
{
    public static bool Is(char c) =>
        c is (>= '\u202a' and <= '\u202e') or (>= '\u2066' and <= '\u2069') or '\u200e' or '\u200f' or '\u061c';

    /// <summary><paramref name="text"/> without bidi controls; <paramref name="removed"/> grows by how many were removed.</summary>
    public static string? Remove(string? text, ref int removed)
    {
        if (string.IsNullOrEmpty(text) || !text.Any(Is))
        {
            return text;
        }

        var kept = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (Is(c))
            {
                removed++;
            }
            else
            {
                kept.Append(c);
            }
        }

        return kept.ToString();
    }
}
