namespace Digest.Summaries.Ranking;

/// <summary>
/// A cheap test for "this word is probably a verb", enough to tell a sentence from a list of names or a label.
/// It need not be exact: a sentence is a fragment only when none of its words passes.
/// </summary>
internal static class VerbHints
{
    private static readonly HashSet<string> Verbs = new(StringComparer.Ordinal)
    {
        "is", "are", "was", "were", "be", "been", "being", "am", "has", "have", "had", "do", "does", "did", "will",
        "would", "shall", "should", "can", "could", "may", "might", "must", "said", "says", "say", "told", "tells",
        "get", "gets", "got", "make", "makes", "made", "go", "goes", "went", "take", "takes", "took", "taken", "give",
        "gives", "gave", "given", "come", "comes", "came", "see", "sees", "saw", "seen", "know", "knows", "knew",
        "known", "think", "thinks", "thought", "find", "finds", "found", "become", "becomes", "became", "leave",
        "leaves", "left", "keep", "keeps", "kept", "hold", "holds", "held", "bring", "brings", "brought", "begin",
        "begins", "began", "begun", "run", "runs", "ran", "win", "wins", "won", "lose", "loses", "lost", "pay", "pays",
        "paid", "meet", "meets", "met", "set", "sets", "put", "puts", "cut", "cuts", "hit", "hits", "rise", "rises",
        "rose", "risen", "fall", "falls", "fell", "fallen", "sell", "sells", "sold", "buy", "buys", "bought", "build",
        "builds", "built", "send", "sends", "sent", "spend", "spends", "spent", "lead", "leads", "led", "stand",
        "stands", "stood", "grow", "grows", "grew", "grown", "show", "shows", "shown", "seek", "seeks", "sought",
        "face", "faces", "plan", "plans", "want", "wants", "need", "needs", "expect", "expects", "call", "calls",
        "warn", "warns", "urge", "urges", "vow", "vows", "agree", "agrees", "remain", "remains", "include",
        "includes", "mean", "means", "feel", "feels", "felt", "hope", "hopes", "try", "tries", "die", "dies", "used",
        "threw", "throws", "drew", "draws", "wrote", "writes", "spoke", "speaks", "chose", "drove", "flew", "rode",
        "wore", "broke", "breaks", "ate", "fought", "caught", "taught", "struck", "shot", "fled", "beat", "beats",
        "shook", "stole", "woke", "stuck", "swung", "sank", "tore", "forgot", "hid", "let", "lets", "sat", "lay",
        "laid",
    };

    /// <summary>Whether the lower-case <paramref name="word"/> looks like a verb form.</summary>
    public static bool IsVerbLike(string word) =>
        Verbs.Contains(word) ||
        (word.Length > 4 && word.EndsWith("ed", StringComparison.Ordinal)) ||
        (word.Length > 5 && word.EndsWith("ing", StringComparison.Ordinal)) ||
        word.EndsWith("n't", StringComparison.Ordinal);
}
