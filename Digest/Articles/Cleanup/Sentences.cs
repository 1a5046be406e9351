using System.Text.RegularExpressions;

namespace Digest.Articles.Cleanup;

/// <summary>Small text measures intake uses to tell real sentences from labels and fragments.</summary>
internal static partial class Sentences
{
    /// <summary>A paragraph a summary can use has at least this many words.</summary>
    public const int UsableWords = 6;

    [GeneratedRegex(@"[\p{L}\p{N}-[\p{IsCJKUnifiedIdeographs}\p{IsHiragana}\p{IsKatakana}]][\p{L}\p{N}'’.-[\p{IsCJKUnifiedIdeographs}\p{IsHiragana}\p{IsKatakana}]]*")]
    private static partial Regex Word();

    [GeneratedRegex(@"[\p{IsCJKUnifiedIdeographs}\p{IsHiragana}\p{IsKatakana}]")]
    private static partial Regex CjkCharacter();

    /// <summary>Chinese and Japanese are written without spaces; about two characters make a word.</summary>
    private const int CjkCharactersPerWord = 2;

    /// <summary>Number of words in <paramref name="text"/>: runs of letters and digits, plus CJK characters in pairs.</summary>
    public static int WordCount(string text) => Word().Count(text) + CjkCharacter().Count(text) / CjkCharactersPerWord;

    /// <summary>True when the text ends the way a sentence ends: . ! ? … possibly inside closing quotes or brackets.</summary>
    public static bool EndsLikeSentence(string text)
    {
        var trimmed = text.TrimEnd('"', '”', '’', '\'', ')', ']');
        return trimmed.Length > 0 && ".!?…。！？".Contains(trimmed[^1]);
    }

    /// <summary>True when a summary could use this paragraph: enough words and at least one letter.</summary>
    public static bool IsUsable(string paragraph) =>
        WordCount(paragraph) >= UsableWords && paragraph.Any(char.IsLetter);

    /// <summary>Splits a paragraph into sentences with the splitter the summarizer uses, so both agree on boundaries.</summary>
    public static IReadOnlyList<string> Split(string paragraph) => Language.SentenceSplitter.Split(paragraph);
}
