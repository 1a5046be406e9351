namespace Digest.Language;

/// <summary>English function words that carry no topic.</summary>
public static class StopWords
{
    private static readonly HashSet<string> Set = new(StringComparer.Ordinal)
    {
        "a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "has", "he", "in", "is", "it", "its", "of", "on",
        "that", "the", "to", "was", "were", "will", "with", "said", "says", "she", "they", "this", "their", "his", "her",
    };

    public static bool Contains(string lowerWord) => Set.Contains(lowerWord);
}
