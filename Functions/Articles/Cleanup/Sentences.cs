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

    /// <summary>Sentence boundaries: end punctuation (and closing quotes), then a space and a capital, digit or quote.
    /// Not after single-letter initials or common abbreviations (<c>Mr.</c>, <c>U.S.</c>, <c>Calif.</c>, <c>Aug.</c>).</summary>
    [GeneratedRegex(@"(?<!\b(?:\p{Lu}|Mr|Mrs|Ms|Dr|Prof|Sen|Rep|Gov|Gen|Lt|Col|Sgt|St|Jr|Sr|No|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Ala|Ariz|Ark|Calif|Colo|Conn|Del|Fla|Ga|Ill|Ind|Kan|Ky|La|Md|Mass|Mich|Minn|Miss|Mo|Mont|Neb|Nev|Okla|Ore|Pa|Tenn|Tex|Va|Vt|Wash|Wis|Wyo|Inc|Corp|Co|Ltd|vs|etc)\.)(?<=[.!?…][""”’')\]]*)\s+(?=[""“‘'(\[]?[\p{Lu}\p{N}©])")]
    private static partial Regex Boundary();

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

    /// <summary>Splits a paragraph into sentences, keeping each sentence's own text.</summary>
    public static IReadOnlyList<string> Split(string paragraph) =>
        Boundary().Split(paragraph).Where(s => s.Length > 0).ToArray();
}
