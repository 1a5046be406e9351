using Digest.Language;

namespace Digest.Summaries.Ranking;

/// <summary>
/// Key phrases in the manner of RAKE: candidates are runs of one to three adjacent content words (no stop word,
/// number or punctuation between them), scored by frequency × position of first use × length, with a bonus for
/// names (capitalised mid-sentence) and for words the title shares. Phrases with the same stems count as one, and a
/// phrase that shares a stem with a better one is left out. Each phrase is shown as written in the article.
/// </summary>
internal static class KeyPhrases
{
    private const int MaxWords = 3;
    private const int BitsPerTerm = 21;
    private static readonly double[] LengthWeight = [0, 1.0, 1.6, 1.9];

    /// <summary>
    /// The best <paramref name="count"/> phrases of the sentences at <paramref name="sentenceIndexes"/>, most
    /// important first.
    /// </summary>
    public static List<string> Extract(ArticleText article, IReadOnlyList<int> sentenceIndexes, string? title, int count)
    {
        var result = new List<string>(count);
        if (count == 0)
        {
            return result;
        }

        var candidates = Collect(article, sentenceIndexes);
        var titleTerms = TitleTerms(article, title);
        foreach (var candidate in candidates)
        {
            candidate.Score = Score(candidate, titleTerms);
        }

        // Usually the best few candidates suffice; all of them are ranked only when overlaps use those up.
        var chosen = new List<Candidate>(count);
        for (var pool = count * 8; ; pool = candidates.Count)
        {
            chosen.Clear();
            foreach (var candidate in Best(candidates, pool))
            {
                if (!OverlapsAny(candidate, chosen))
                {
                    chosen.Add(candidate);
                    if (chosen.Count == count)
                    {
                        break;
                    }
                }
            }

            if (chosen.Count == count || pool >= candidates.Count)
            {
                break;
            }
        }

        foreach (var candidate in chosen)
        {
            result.Add(Surface(article, candidate));
        }

        return result;
    }

    /// <summary>The best <paramref name="pool"/> candidates, best first (ties to the phrase used first).</summary>
    private static List<Candidate> Best(List<Candidate> candidates, int pool)
    {
        var best = new List<Candidate>(Math.Min(pool, candidates.Count) + 1);
        foreach (var candidate in candidates)
        {
            if (best.Count == pool && !Ranks(candidate, best[^1]))
            {
                continue;
            }

            var at = best.Count;
            while (at > 0 && Ranks(candidate, best[at - 1]))
            {
                at--;
            }

            best.Insert(at, candidate);
            if (best.Count > pool)
            {
                best.RemoveAt(pool);
            }
        }

        return best;
    }

    private static bool Ranks(Candidate a, Candidate b) => a.Score > b.Score || (a.Score == b.Score && a.Order < b.Order);

    private static List<Candidate> Collect(ArticleText article, IReadOnlyList<int> sentenceIndexes)
    {
        var byKey = new Dictionary<long, Candidate>();
        var candidates = new List<Candidate>();
        foreach (var s in sentenceIndexes)
        {
            var sentence = article.Sentences[s];
            var tokens = article.TokensOf(sentence);
            var runStart = 0;
            for (var k = 0; k <= tokens.Length; k++)
            {
                var ends = k == tokens.Length || !IsPhraseWord(tokens[k]) || (k > runStart && !Adjacent(sentence.Text, tokens[k - 1], tokens[k]));
                if (!ends)
                {
                    continue;
                }

                AddRun(sentence.Text, tokens, s, runStart, k, byKey, candidates);
                runStart = k < tokens.Length && IsPhraseWord(tokens[k]) ? k : k + 1;
            }
        }

        return candidates;
    }

    private static void AddRun(string text, ReadOnlySpan<Token> tokens, int sentence, int start, int end, Dictionary<long, Candidate> byKey, List<Candidate> candidates)
    {
        for (var first = start; first < end; first++)
        {
            var key = 0L;
            for (var length = 1; length <= MaxWords && first + length <= end; length++)
            {
                var last = first + length - 1;
                key |= (long)(tokens[last].Term + 1) << (BitsPerTerm * (length - 1));
                if (!CanBound(text, tokens[first]) || !CanBound(text, tokens[last]) || (length == 1 && IsWeakAlone(text, tokens[first])))
                {
                    continue;
                }

                if (!byKey.TryGetValue(key, out var candidate))
                {
                    candidate = new Candidate(key, length, candidates.Count, sentence);
                    byKey.Add(key, candidate);
                    candidates.Add(candidate);
                }

                candidate.Count++;
                candidate.Observe(sentence, text, first, last, tokens);
            }
        }
    }

    /// <summary>A verb in lower case (<c>defeated</c>, <c>keeps</c>) does not open or close a key phrase; a name may (<c>Drew Herring</c>).</summary>
    private static bool CanBound(string text, Token token) => (token.Flags & TokenFlags.VerbHint) == 0 || char.IsUpper(text[token.Start]);

    /// <summary>Too short or too general to be a key phrase on its own (<c>time</c>, <c>new</c>), though fine inside one.</summary>
    private static bool IsWeakAlone(string text, Token token) =>
        token.Length < 3 || WeakAloneLookup.Contains(text.AsSpan(token.Start, token.Length));

    private static readonly HashSet<string> WeakAlone = new(StringComparer.OrdinalIgnoreCase)
    {
        "new", "old", "good", "best", "better", "big", "bigger", "biggest", "great", "high", "higher", "low", "lower",
        "large", "small", "first", "second", "third", "last", "next", "recent", "recently", "time", "times", "way",
        "ways", "thing", "things", "lot", "lots", "part", "use", "uses", "number", "end", "percent", "people", "place",
        "point", "group", "kind", "level", "side", "top", "bit", "half", "fact", "case", "area", "two", "three", "four",
        "five", "six", "seven", "eight", "nine", "ten", "hundred", "hundreds", "thousand", "thousands", "million",
        "millions", "billion", "billions", "trillion", "several", "including", "include", "early", "late", "later",
        "long", "likely", "able", "according", "know", "need", "want", "think", "see", "look", "looks", "come",
        "take", "give", "put", "set", "run", "show", "help", "start", "keep", "call", "try", "work", "well",
        "january", "february", "march", "april", "june", "july", "august", "september", "october", "november",
        "december", "morning", "afternoon", "evening", "night", "tonight", "weekend", "statement", "news", "report",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> WeakAloneLookup = WeakAlone.GetAlternateLookup<ReadOnlySpan<char>>();

    private static bool IsPhraseWord(Token token) => token.Term >= 0 && (token.Flags & TokenFlags.Number) == 0;

    /// <summary>Only spaces, or a single hyphen, between two tokens: they can belong to one phrase.</summary>
    private static bool Adjacent(string text, Token previous, Token next)
    {
        var between = text.AsSpan(previous.End, next.Start - previous.End);
        return between is "-" || between.IsWhiteSpace();
    }

    private static HashSet<int> TitleTerms(ArticleText article, string? title)
    {
        var terms = new HashSet<int>();
        if (title is null)
        {
            return terms;
        }

        foreach (var word in Words.Tokenize(title))
        {
            var term = article.Vocabulary.FindTerm(word);
            if (term >= 0)
            {
                terms.Add(term);
            }
        }

        return terms;
    }

    private static double Score(Candidate candidate, HashSet<int> titleTerms)
    {
        var position = 1 + Math.Exp(-candidate.FirstSentence / 4.0);
        var score = candidate.Count * position * LengthWeight[candidate.Length];
        if (candidate.IsName)
        {
            score *= 1.3;
        }

        var inTitle = titleTerms.Count > 0;
        for (var i = 0; i < candidate.Length && inTitle; i++)
        {
            inTitle = titleTerms.Contains(candidate.TermAt(i));
        }

        return inTitle ? score * 1.5 : score;
    }

    /// <summary>The phrase shares a stem with one already chosen (<c>Swift</c> after <c>Taylor Swift</c>).</summary>
    private static bool OverlapsAny(Candidate candidate, List<Candidate> chosen)
    {
        foreach (var other in chosen)
        {
            if (candidate.SharesTermWith(other))
            {
                return true;
            }
        }

        return false;
    }

    private static string Surface(ArticleText article, Candidate candidate)
    {
        var sentence = article.Sentences[candidate.SurfaceSentence];
        var tokens = article.TokensOf(sentence);
        var text = sentence.Text;
        var last = tokens[candidate.SurfaceLast];
        var start = tokens[candidate.SurfaceFirst].Start;
        var end = last.End;
        var isInitialism = end < text.Length && text[end] == '.' && text.AsSpan(last.Start, last.Length).Contains('.');
        return text[start..(isInitialism ? end + 1 : end)];
    }

    /// <summary>A phrase (a sequence of up to three term ids) and what is known about its uses.</summary>
    private sealed class Candidate(long key, int length, int order, int firstSentence)
    {
        public int Length { get; } = length;

        public int Order { get; } = order;

        public int FirstSentence { get; } = firstSentence;

        public int Count { get; set; }

        public double Score { get; set; }

        /// <summary>Where the phrase is shown from: the first use that does not open a sentence, if any.</summary>
        public int SurfaceSentence { get; private set; } = -1;

        public int SurfaceFirst { get; private set; }

        public int SurfaceLast { get; private set; }

        /// <summary>Written with capitals mid-sentence: a name.</summary>
        public bool IsName { get; private set; }

        private bool _surfaceOpensSentence;

        public int TermAt(int i) => (int)((key >> (BitsPerTerm * i)) & ((1L << BitsPerTerm) - 1)) - 1;

        public void Observe(int sentence, string text, int first, int last, ReadOnlySpan<Token> tokens)
        {
            var opensSentence = first == 0;
            if (SurfaceSentence >= 0 && (opensSentence || !_surfaceOpensSentence))
            {
                return;
            }

            SurfaceSentence = sentence;
            SurfaceFirst = first;
            SurfaceLast = last;
            _surfaceOpensSentence = opensSentence;
            IsName = !opensSentence && AllCapitalised(text, tokens, first, last);
        }

        public bool SharesTermWith(Candidate other)
        {
            for (var i = 0; i < Length; i++)
            {
                for (var j = 0; j < other.Length; j++)
                {
                    if (TermAt(i) == other.TermAt(j))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        private static bool AllCapitalised(string text, ReadOnlySpan<Token> tokens, int first, int last)
        {
            for (var i = first; i <= last; i++)
            {
                if (!char.IsUpper(text[tokens[i].Start]))
                {
                    return false;
                }
            }

            return true;
        }
    }
}
