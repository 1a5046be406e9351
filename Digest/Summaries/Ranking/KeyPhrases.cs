using Digest.Language;

namespace Digest.Summaries.Ranking;

/// <summary>
/// Key phrases in the manner of RAKE. A run is a stretch of adjacent content words with no stop word, number,
/// amount, lower-case verb or punctuation between them; candidates are its one- to three-word parts. A use that is
/// a whole run counts 1, a use inside a longer run counts half. Score = uses × position of first use × length, with
/// bonuses for names (capitalised mid-sentence) and for phrases whose words are all in the title. A phrase sharing a
/// stem with a better one is left out. Each phrase is shown as written in the article.
/// </summary>
internal static class KeyPhrases
{
    private const int MaxWords = 3;
    private const int BitsPerTerm = 21;
    private const double PartialUse = 0.5;
    private const double NameBonus = 1.3;
    private const double TitleBonus = 1.5;
    private static readonly double[] LengthWeight = [0, 1.0, 2.0, 2.6];

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

        foreach (var candidate in Choose(candidates, count))
        {
            result.Add(Surface(article, candidate));
        }

        return result;
    }

    private static List<Candidate> Collect(ArticleText article, IReadOnlyList<int> sentenceIndexes)
    {
        var byKey = new Dictionary<long, Candidate>();
        var candidates = new List<Candidate>();
        foreach (var s in sentenceIndexes)
        {
            var sentence = article.Sentences[s];
            var text = sentence.Text;
            var tokens = article.TokensOf(sentence);
            var runStart = 0;
            for (var k = 0; k <= tokens.Length; k++)
            {
                if (k < tokens.Length && IsPhraseWord(text, tokens[k]) && (k == runStart || Adjacent(text, tokens[k - 1], tokens[k])))
                {
                    continue;
                }

                AddRun(text, tokens, s, runStart, k, byKey, candidates);
                runStart = k < tokens.Length && IsPhraseWord(text, tokens[k]) ? k : k + 1;
            }
        }

        return candidates;
    }

    /// <summary>Counts the one- to three-word parts of the run of tokens [<paramref name="start"/>, <paramref name="end"/>).</summary>
    private static void AddRun(string text, ReadOnlySpan<Token> tokens, int sentence, int start, int end, Dictionary<long, Candidate> byKey, List<Candidate> candidates)
    {
        for (var first = start; first < end; first++)
        {
            var key = 0L;
            for (var length = 1; length <= MaxWords && first + length <= end; length++)
            {
                var last = first + length - 1;
                key |= (long)(tokens[last].Term + 1) << (BitsPerTerm * (length - 1));
                if (length == 1 && IsWeakAlone(tokens[first]))
                {
                    continue;
                }

                if (!byKey.TryGetValue(key, out var candidate))
                {
                    candidate = new Candidate(key, length, candidates.Count, sentence);
                    byKey.Add(key, candidate);
                    candidates.Add(candidate);
                }

                var wholeRun = first == start && last == end - 1;
                candidate.Uses += wholeRun ? 1 : PartialUse;
                candidate.Observe(sentence, text, first, last, wholeRun, tokens);
            }
        }
    }

    /// <summary>A content word that can be part of a phrase; a verb in lower case ends one (a name like <c>Drew</c> does not).</summary>
    private static bool IsPhraseWord(string text, Token token) =>
        token.Term >= 0 &&
        (token.Flags & (TokenFlags.Number | TokenFlags.Quantity)) == 0 &&
        ((token.Flags & TokenFlags.VerbHint) == 0 || char.IsUpper(text[token.Start]));

    private static bool IsWeakAlone(Token token) => token.Length < 3 || (token.Flags & TokenFlags.Generic) != 0;

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
        var score = candidate.Uses * position * LengthWeight[candidate.Length];
        if (candidate.IsName)
        {
            score *= NameBonus;
        }

        var inTitle = titleTerms.Count > 0;
        for (var i = 0; i < candidate.Length && inTitle; i++)
        {
            inTitle = titleTerms.Contains(candidate.TermAt(i));
        }

        return inTitle ? score * TitleBonus : score;
    }

    /// <summary>
    /// The best candidates that share no stem with a better one. Usually the best few suffice; all candidates are
    /// ranked only when overlaps use those up.
    /// </summary>
    private static List<Candidate> Choose(List<Candidate> candidates, int count)
    {
        var chosen = new List<Candidate>(count);
        for (var pool = count * 8; ; pool = candidates.Count)
        {
            chosen.Clear();
            foreach (var candidate in Best(candidates, pool))
            {
                if (!SharesStemWithAny(candidate, chosen))
                {
                    chosen.Add(candidate);
                    if (chosen.Count == count)
                    {
                        return chosen;
                    }
                }
            }

            if (pool >= candidates.Count)
            {
                return chosen;
            }
        }
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

    private static bool SharesStemWithAny(Candidate candidate, List<Candidate> chosen)
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

    /// <summary>The phrase as written at its chosen use, with the final dot of an initialism (<c>U.S.</c>).</summary>
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

    /// <summary>A phrase (a sequence of up to three term ids, packed in a key) and what is known about its uses.</summary>
    private sealed class Candidate(long key, int length, int order, int firstSentence)
    {
        private int _surfaceRank = -1;

        public int Length { get; } = length;

        /// <summary>Order of first use, for ties.</summary>
        public int Order { get; } = order;

        public int FirstSentence { get; } = firstSentence;

        public double Uses { get; set; }

        public double Score { get; set; }

        /// <summary>The use the phrase is shown from.</summary>
        public int SurfaceSentence { get; private set; }

        public int SurfaceFirst { get; private set; }

        public int SurfaceLast { get; private set; }

        /// <summary>Shown from a whole run written with capitals mid-sentence: a name.</summary>
        public bool IsName { get; private set; }

        public int TermAt(int i) => (int)((key >> (BitsPerTerm * i)) & ((1L << BitsPerTerm) - 1)) - 1;

        /// <summary>
        /// Notes a use. The phrase is shown from its best use: a whole run over a part of a longer one, then one not
        /// opening a sentence (where capitals say nothing), then the earliest.
        /// </summary>
        public void Observe(int sentence, string text, int first, int last, bool wholeRun, ReadOnlySpan<Token> tokens)
        {
            var opensSentence = first == 0;
            var rank = (wholeRun ? 2 : 0) + (opensSentence ? 0 : 1);
            if (rank <= _surfaceRank)
            {
                return;
            }

            _surfaceRank = rank;
            SurfaceSentence = sentence;
            SurfaceFirst = first;
            SurfaceLast = last;
            IsName = wholeRun && !opensSentence && AllCapitalised(text, tokens, first, last);
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
