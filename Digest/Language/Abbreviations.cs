namespace Digest.Language;

/// <summary>How a word written with a final period behaves at a possible sentence end.</summary>
internal enum AbbreviationKind
{
    /// <summary>An ordinary word: its period ends the sentence.</summary>
    None,

    /// <summary>A title before a name (<c>Mr.</c>, <c>Sen.</c>): never ends a sentence.</summary>
    Title,

    /// <summary>Written before a number (<c>Jan. 5</c>, <c>No. 3</c>): ends a sentence only before a clear sentence start.</summary>
    BeforeNumber,

    /// <summary>Can end a sentence (<c>U.S.</c>, <c>Inc.</c>, <c>p.m.</c>, initials): only before a clear sentence start.</summary>
    Ambiguous,
}

/// <summary>The English abbreviations news text writes with a period.</summary>
internal static class Abbreviations
{
    private static readonly HashSet<string> Titles = new(StringComparer.OrdinalIgnoreCase)
    {
        "mr", "mrs", "ms", "messrs", "dr", "prof", "gov", "govs", "sen", "sens", "rep", "reps", "gen", "lt", "col",
        "maj", "capt", "cmdr", "adm", "sgt", "cpl", "pvt", "pres", "rev", "hon", "atty", "supt", "det", "insp", "fr",
        "msgr", "vs", "v", "e.g", "i.e", "cf", "approx", "fig", "figs", "ca", "mt", "ft",
    };

    private static readonly HashSet<string> BeforeNumber = new(StringComparer.OrdinalIgnoreCase)
    {
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "no", "nos", "vol",
        "art", "sec", "p", "pp", "ch", "para",
    };

    private static readonly HashSet<string> Ambiguous = new(StringComparer.OrdinalIgnoreCase)
    {
        "inc", "corp", "co", "cos", "ltd", "llc", "plc", "bros", "jr", "sr", "st", "ave", "blvd", "rd", "dept",
        "univ", "assn", "etc", "est", "a.m", "p.m",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> TitleLookup = Titles.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> BeforeNumberLookup = BeforeNumber.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> AmbiguousLookup = Ambiguous.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Classifies the word written just before a period (without the period).</summary>
    public static AbbreviationKind Classify(ReadOnlySpan<char> word)
    {
        if (word.IsEmpty)
        {
            return AbbreviationKind.None;
        }

        if (TitleLookup.Contains(word))
        {
            return AbbreviationKind.Title;
        }

        if (BeforeNumberLookup.Contains(word))
        {
            return AbbreviationKind.BeforeNumber;
        }

        return AmbiguousLookup.Contains(word) || IsInitials(word) ? AbbreviationKind.Ambiguous : AbbreviationKind.None;
    }

    /// <summary>A single letter (<c>W</c>) or dotted letters (<c>U.S</c>, <c>J.R.R</c>).</summary>
    private static bool IsInitials(ReadOnlySpan<char> word)
    {
        for (var i = 0; i < word.Length; i++)
        {
            var expectLetter = i % 2 == 0;
            if (expectLetter ? !char.IsLetter(word[i]) : word[i] != '.')
            {
                return false;
            }
        }

        return word.Length % 2 == 1;
    }
}
