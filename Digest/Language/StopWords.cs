namespace Digest.Language;

/// <summary>
/// English stop words for news text: function words, contractions, reporting verbs (<c>said</c>, <c>told</c>),
/// honorifics and calendar filler (<c>monday</c>, <c>week</c>) that say nothing about what a story is about.
/// </summary>
public static class StopWords
{
    private static readonly HashSet<string> Words = new(StringComparer.Ordinal)
    {
        // Articles, pronouns, determiners.
        "a", "an", "the", "i", "me", "my", "myself", "we", "us", "our", "ours", "ourselves", "you", "your", "yours",
        "yourself", "yourselves", "he", "him", "his", "himself", "she", "her", "hers", "herself", "it", "its", "itself",
        "they", "them", "their", "theirs", "themselves", "this", "that", "these", "those", "who", "whom", "whose",
        "which", "what", "whatever", "whoever", "each", "every", "either", "neither", "some", "any", "all", "both",
        "few", "more", "most", "other", "others", "another", "such", "no", "nor", "not", "only", "own", "same", "so",
        "than", "too", "very", "much", "many", "one", "ones", "someone", "something", "anyone", "anything", "everyone",
        "everything", "nobody", "nothing", "none", "somebody",

        // Auxiliaries and very common verbs.
        "am", "is", "are", "was", "were", "be", "been", "being", "have", "has", "had", "having", "do", "does", "did",
        "doing", "done", "will", "would", "shall", "should", "can", "could", "may", "might", "must", "ought", "get",
        "gets", "got", "make", "makes", "made", "go", "goes", "went", "going",

        // Contractions, with the apostrophe form Words.Tokenize produces.
        "don't", "doesn't", "didn't", "isn't", "aren't", "wasn't", "weren't", "hasn't", "haven't", "hadn't", "won't",
        "wouldn't", "can't", "cannot", "couldn't", "shouldn't", "mustn't", "i'm", "i've", "i'd", "i'll", "we're",
        "we've", "we'd", "we'll", "you're", "you've", "you'd", "you'll", "they're", "they've", "they'd", "they'll",
        "he'd", "he'll", "she'd", "she'll", "it'll", "that'll", "there'd",

        // Prepositions, conjunctions, adverbs.
        "about", "above", "across", "after", "again", "against", "along", "among", "amid", "around", "as", "at",
        "before", "behind", "below", "beneath", "beside", "besides", "between", "beyond", "but", "by", "despite",
        "down", "during", "except", "for", "from", "in", "inside", "into", "like", "near", "of", "off", "on", "onto",
        "out", "outside", "over", "past", "per", "since", "through", "throughout", "till", "to", "toward", "towards",
        "under", "until", "up", "upon", "via", "with", "within", "without", "and", "or", "if", "then", "else",
        "because", "while", "although", "though", "whether", "unless", "once", "when", "where", "why", "how",
        "whenever", "wherever", "here", "there", "now", "just", "also", "still", "even", "ever", "never", "yet",
        "already", "however", "therefore", "thus", "meanwhile", "instead", "rather", "quite", "almost", "well",
        "perhaps", "maybe", "really", "least", "less", "further", "away", "back", "ago",

        // Reporting verbs and newsroom filler.
        "said", "says", "say", "saying", "told", "tell", "tells", "according", "added", "asked", "reported",
        "mr", "mrs", "ms", "dr",

        // Calendar filler.
        "today", "yesterday", "tomorrow", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "week", "weeks", "month", "months", "year", "years", "day", "days",
    };

    /// <summary>Whether <paramref name="lowerWord"/> (already lower case, as <see cref="Digest.Language.Words.Tokenize"/> gives it) is a stop word.</summary>
    public static bool Contains(string lowerWord)
    {
        ArgumentNullException.ThrowIfNull(lowerWord);
        return Words.Contains(lowerWord);
    }

    /// <summary>Span form of <see cref="Contains(string)"/> for callers that have not made a string yet.</summary>
    internal static bool Contains(ReadOnlySpan<char> lowerWord) => Lookup.Contains(lowerWord);

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Lookup = Words.GetAlternateLookup<ReadOnlySpan<char>>();
}
