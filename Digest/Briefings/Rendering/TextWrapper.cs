using System.Text;

namespace Digest.Briefings.Rendering;

/// <summary>
/// Word-wraps plain text. Lines break at spaces only, so a URL longer than the width stays whole on its own line.
/// </summary>
internal static class TextWrapper
{
    /// <summary>
    /// Appends <paramref name="text"/> wrapped at <paramref name="width"/> columns; the first line starts with
    /// <paramref name="firstPrefix"/>, the following lines with <paramref name="nextPrefix"/>.
    /// </summary>
    public static void AppendWrapped(StringBuilder output, string text, int width, string firstPrefix, string nextPrefix)
    {
        var line = new StringBuilder(firstPrefix);
        var prefixLength = firstPrefix.Length;
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var hasWords = line.Length > prefixLength;
            if (hasWords && line.Length + 1 + word.Length > width)
            {
                output.Append(line).Append('\n');
                line.Clear().Append(nextPrefix);
                prefixLength = nextPrefix.Length;
                hasWords = false;
            }

            if (hasWords)
            {
                line.Append(' ');
            }

            line.Append(word);
        }

        output.Append(line).Append('\n');
    }
}
