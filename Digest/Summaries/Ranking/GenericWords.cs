namespace Digest.Summaries.Ranking;

/// <summary>Content words that are too general to name what a story is about, though fine inside a longer phrase.</summary>
internal static class GenericWords
{
    private static readonly HashSet<string> Quantities = new(StringComparer.Ordinal)
    {
        "hundred", "hundreds", "thousand", "thousands", "million", "millions", "billion", "billions", "trillion",
        "trillions", "dozen", "dozens", "percent",
    };

    private static readonly HashSet<string> Generic = new(StringComparer.Ordinal)
    {
        "new", "old", "good", "best", "better", "big", "bigger", "biggest", "great", "high", "higher", "low", "lower",
        "large", "small", "first", "second", "third", "last", "next", "recent", "recently", "time", "times", "way",
        "ways", "thing", "things", "lots", "part", "use", "uses", "number", "end", "people", "place", "point",
        "group", "kind", "level", "side", "top", "bit", "half", "fact", "case", "area", "two", "three", "four", "five",
        "six", "seven", "eight", "nine", "ten", "several", "including", "early", "late", "later", "long", "likely",
        "able", "well", "look", "start", "help", "work", "january", "february", "march", "april", "june", "july",
        "august", "september", "october", "november", "december", "morning", "afternoon", "evening", "night",
        "tonight", "weekend", "statement", "report", "sure", "lot", "whole", "real", "certain",
    };

    /// <summary>A word for an amount (<c>billion</c>, <c>percent</c>): it belongs to a figure, not to a phrase.</summary>
    public static bool IsQuantity(string lowerWord) => Quantities.Contains(lowerWord);

    /// <summary>A word too general to be a key phrase on its own (<c>time</c>, <c>new</c>, <c>march</c>).</summary>
    public static bool IsGeneric(string lowerWord) => Generic.Contains(lowerWord);
}
