using Digest.Language;

namespace Digest.Summaries.Ranking;

/// <summary>
/// Key phrases in the manner of RAKE: candidates are runs of one to three adjacent content words (no stop word,
/// number or punctuation between them), scored by frequency × position of first use × length, with a bonus for
/// names (capitalised mid-sentence) and for words the title shares. Phrases with the same stems count as one, and a
/// phrase inside a better one is left out. Each phrase is shown as written in the article.
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

        candidates.Sort(static (a, b) => b.Score != a.Score ? b.Score.CompareTo(a.Score) : a.Order.CompareTo(b.Order));
        var chosen = new List<Candidate>(count);
        foreach (var candidate in candidates)
        {
            if (chosen.Count == count)
            {
                break;
            }

            if (!OverlapsAny(candidate, chosen))
            {
                chosen.Add(candidate);
                result.Add(Surface(article, candidate));
            }
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
                if (length == 1 && tokens[first].Length < 3)
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

    /// <summary>One phrase's terms all appear in the other's: keep only the first (better) one.</summary>
    private static bool OverlapsAny(Candidate candidate, List<Candidate> chosen)
    {
        foreach (var other in chosen)
        {
            if (candidate.TermsWithin(other) || other.TermsWithin(candidate))
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
        var start = tokens[candidate.SurfaceFirst].Start;
        var end = tokens[candidate.SurfaceLast].End;
        return sentence.Text[start..end];
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

        public bool TermsWithin(Candidate other)
        {
            for (var i = 0; i < Length; i++)
            {
                var term = TermAt(i);
                var found = false;
                for (var j = 0; j < other.Length && !found; j++)
                {
                    found = other.TermAt(j) == term;
                }

                if (!found)
                {
                    return false;
                }
            }

            return true;
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
