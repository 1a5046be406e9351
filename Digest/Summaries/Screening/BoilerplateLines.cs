using System.Buffers;

namespace Digest.Summaries.Screening;

/// <summary>
/// Recognises lines that are page furniture rather than reporting: bylines, photo captions and credits,
/// dateline-only lines, "Read more" and newsletter prompts, and tag strips. Intake removes most of them; this is
/// the summarizer's own guard for the ones it missed, so they never appear in a summary.
/// </summary>
internal static class BoilerplateLines
{
    private static readonly string[] PromptStarts =
    [
        "read more", "read also", "read the full", "related:", "related coverage", "more:", "see also", "watch:",
        "listen:", "click here", "sign up", "subscribe to", "subscribe now", "follow us", "share this", "download the",
        "get the latest", "don't miss", "don\u2019t miss", "this story has been updated", "this article originally",
        "this article was originally", "story continues", "contact us",
        "contact the author", "send tips", "have a tip", "reporting by", "additional reporting by", "editing by",
        "written by", "compiled by", "tags:", "topics:", "filed under", "categories:", "category:", "keywords:",
        "more on:", "updated:", "published:", "posted:", "last updated", "first published", "updated on",
        "published on", "posted on",
    ];

    private static readonly string[] PromptPhraseList =
    [
        "sign up for", "subscribe to our", "our newsletter", "click here", "all rights reserved", "read more:",
        "in your inbox", "follow us on", "on twitter @", "sign up here", "(c) 20", "copyright 20",
    ];

    private static readonly string[] CreditPhraseList =
    [
        "photo:", "photos:", "photograph:", "image:", "images:", "credit:", "caption:", "pictured:", "illustration:",
        "photo by ", "photo credit", "photo courtesy", "ap photo", "getty images", "file photo", "reuters/", "/reuters",
        "afp/", "/afp", "shutterstock", "/bloomberg",
    ];

    private static readonly SearchValues<string> PromptPhrases = SearchValues.Create(PromptPhraseList, StringComparison.OrdinalIgnoreCase);
    private static readonly SearchValues<string> CreditPhrases = SearchValues.Create(CreditPhraseList, StringComparison.OrdinalIgnoreCase);

    private static readonly HashSet<string> DateWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "jan", "january", "feb", "february", "mar", "march", "apr", "april", "may", "jun", "june", "jul", "july",
        "aug", "august", "sep", "sept", "september", "oct", "october", "nov", "november", "dec", "december", "monday",
        "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mon", "tue", "tues", "wed", "thu",
        "thurs", "fri", "sat", "sun", "a.m", "p.m", "am", "pm", "et", "est", "edt", "pt", "pst", "pdt", "ct", "cst",
        "cdt", "gmt", "utc", "bst", "cet", "at", "on", "updated", "published", "posted", "of",
    };

    private static readonly HashSet<string> BylineConnectors = new(StringComparer.Ordinal)
    {
        "and", "of", "the", "for", "in", "de", "da", "del", "van", "von", "la", "le", "al", "bin",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> DateWordLookup =
        DateWords.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Whether <paramref name="sentence"/> is page furniture that must never be chosen.</summary>
    public static bool Matches(string sentence)
    {
        var text = sentence.AsSpan().Trim();
        return IsPrompt(text) || text.ContainsAny(CreditPhrases) || IsByline(text) || IsTagStrip(text) || IsDateOnly(text);
    }

    private static bool IsPrompt(ReadOnlySpan<char> text)
    {
        foreach (var start in PromptStarts)
        {
            if (text.StartsWith(start, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return text.Contains('\u00A9') || text.ContainsAny(PromptPhrases);
    }

    /// <summary>
    /// <c>By Ana Ruiz | Harbor Times</c>, <c>By ANA RUIZ and Li Wei, Staff Writers</c>: after "By", only capitalised
    /// names, joined by connectors and separators.
    /// </summary>
    private static bool IsByline(ReadOnlySpan<char> text)
    {
        if (!text.StartsWith("By ", StringComparison.OrdinalIgnoreCase) || text.Length < 4 || !char.IsUpper(text[3]))
        {
            return false;
        }

        var words = 0;
        foreach (var range in text[3..].SplitAny(" |,;\u2014\u2013\u00B7\u2022"))
        {
            var word = text[3..][range];
            if (word.IsEmpty || !char.IsLetter(word[0]))
            {
                continue;
            }

            words++;
            if (!char.IsUpper(word[0]) && !BylineConnectors.Contains(word.ToString()))
            {
                return false;
            }
        }

        return words is > 0 and <= 12;
    }

    /// <summary><c>Politics | Economy | World</c>: several separators of the kind navigation and tag lists use.</summary>
    private static bool IsTagStrip(ReadOnlySpan<char> text)
    {
        var separators = 0;
        foreach (var c in text)
        {
            if (c is '|' or '\u2022' or '\u00B7' or '\u00BB')
            {
                separators++;
            }
        }

        return separators >= 2;
    }

    /// <summary><c>Monday, March 3, 2025 at 5:32 p.m. ET</c>: nothing but a date and a time.</summary>
    private static bool IsDateOnly(ReadOnlySpan<char> text)
    {
        var words = 0;
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var inWord = i < text.Length && (char.IsLetterOrDigit(text[i]) || (text[i] == '.' && start >= 0));
            if (inWord)
            {
                if (start < 0)
                {
                    start = i;
                }

                continue;
            }

            if (start < 0)
            {
                continue;
            }

            var word = text[start..i].TrimEnd('.');
            start = -1;
            words++;
            if (!char.IsDigit(word[0]) && !DateWordLookup.Contains(word))
            {
                return false;
            }
        }

        return words > 0;
    }
}
