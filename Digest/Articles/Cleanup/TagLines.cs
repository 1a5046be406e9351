using System.Text.RegularExpressions;

namespace Digest.Articles.Cleanup;

/// <summary>Tag strips: <c>Tags: a, b, c</c>, <c>Filed under: ...</c>, or a closing line of short comma/pipe-separated words.</summary>
internal static partial class TagLines
{
    [GeneratedRegex(@"^(?:tags?|tagged(?:\s+with)?|topics?|filed\s+under|categor(?:y|ies)|keywords|more\s+about|sections?)\s*:", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TagLead();

    [GeneratedRegex(@"\s*[,|•·;/]\s*")]
    private static partial Regex ItemSeparator();

    [GeneratedRegex(@"^(?:and|or)\s", RegexOptions.IgnoreCase)]
    private static partial Regex Conjunction();

    /// <summary>A word holding two or more glued capitalised words: <c>WorldPoliticsJane</c>.</summary>
    [GeneratedRegex(@"\p{Ll}{2,}\p{Lu}\p{Ll}+\p{Lu}")]
    private static partial Regex GluedWords();

    /// <summary>
    /// True for a tag strip whose items were glued together when the page lost its markup
    /// (<c>WorldPoliticsJane DoeNews</c>): a few words, no sentence punctuation, and a word holding three glued items.
    /// </summary>
    public static bool IsGlued(string text) =>
        text.Length <= 120 && !Sentences.EndsLikeSentence(text) && text.Split(' ').Length <= 8 &&
        text.IndexOfAny([',', ';', ':']) < 0 && GluedWords().IsMatch(text);

    /// <summary>True when the text is a labelled tag line (<c>Tags: ...</c>).</summary>
    public static bool IsLabelled(string text) => TagLead().IsMatch(text);

    /// <summary>
    /// True when a closing line is a bare list of tags: three or more short items (four words at most each),
    /// no sentence punctuation, no "and"/"or" joining the last item as a sentence would.
    /// </summary>
    public static bool IsBareList(string text)
    {
        if (Sentences.EndsLikeSentence(text))
        {
            return false;
        }

        var items = ItemSeparator().Split(text.Trim());
        return items.Length >= 3 &&
               items.All(i => i.Length is > 0 and <= 40 && i.Split(' ').Length <= 4 && !Conjunction().IsMatch(i));
    }
}
