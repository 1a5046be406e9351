namespace Digest.Summaries.Screening;

/// <summary>
/// Datelines that open a lead sentence: <c>WASHINGTON (AP) — </c>, <c>LONDON, March 3 (Reuters) - </c>,
/// <c>NEW YORK — </c>, or the bare dash an upstream tool left behind when it took the place name away. The summary
/// keeps the sentence and drops the dateline.
/// </summary>
internal static class Dateline
{
    private const int MaxPrefixLength = 60;

    /// <summary>
    /// <paramref name="sentence"/> without its leading dateline; the sentence itself when it has none or when
    /// nothing would be left.
    /// </summary>
    public static string StripPrefix(string sentence)
    {
        if (sentence.Length > 2 && sentence[0] is '\u2014' or '\u2013' or '-' && sentence[1] == ' ')
        {
            return sentence[2..].TrimStart();
        }

        var dash = FindDash(sentence);
        if (dash < 0 || !StartsWithCapitalWord(sentence) || HasLowerCaseWord(sentence.AsSpan(0, dash)))
        {
            return sentence;
        }

        var rest = sentence.AsSpan(dash + 1).TrimStart();
        return rest.Length > 0 && (char.IsUpper(rest[0]) || char.IsDigit(rest[0]) || rest[0] is '"' or '\u201C')
            ? rest.ToString()
            : sentence;
    }

    /// <summary>The dash ending a dateline prefix: an em or en dash, or a hyphen with space on both sides.</summary>
    private static int FindDash(string sentence)
    {
        var limit = Math.Min(sentence.Length - 1, MaxPrefixLength);
        for (var i = 1; i < limit; i++)
        {
            var c = sentence[i];
            if (c is '\u2014' or '\u2013' || (c == '-' && sentence[i - 1] == ' ' && sentence[i + 1] == ' '))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>A word starting in lower case: a dateline is names, dates and an agency, all capitalised.</summary>
    private static bool HasLowerCaseWord(ReadOnlySpan<char> prefix)
    {
        for (var i = 0; i < prefix.Length; i++)
        {
            if (char.IsLower(prefix[i]) && (i == 0 || !char.IsLetter(prefix[i - 1])))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The sentence opens with a word of two or more capital letters (a place name in a dateline).</summary>
    private static bool StartsWithCapitalWord(string sentence)
    {
        var letters = 0;
        foreach (var c in sentence)
        {
            if (char.IsUpper(c))
            {
                letters++;
            }
            else if (char.IsLower(c))
            {
                return false;
            }
            else
            {
                break;
            }
        }

        return letters >= 2;
    }
}
