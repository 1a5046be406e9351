using System.Text.RegularExpressions;
using Digest.Briefings.Grouping;
using Digest.Summaries;

namespace Digest.Briefings;

/// <summary>
/// Writes one story from the summaries of its articles: a headline taken from a real article title, a summary of
/// 2-4 sentences drawn across the sources, and the list of sources.
/// <para>
/// Sentences that several outlets agree on rank first (a fact reported by many is the core of the story), then the
/// leads of each article; a figure other outlets report too adds support. A sentence is skipped when it says what an
/// already chosen sentence says (high word overlap, the same figure, written out or in digits) or repeats the same
/// quote, so the story never tells a fact or a quote twice; and when it cannot stand alone (see <see cref="StoryText"/>).
/// </para>
/// </summary>
public sealed partial class StoryWriter
{
    private const double SameFactOverlap = 0.45;
    private const double SameQuoteOverlap = 0.6;
    private const double SameFactShare = 0.5;

    /// <summary>Two long sentences sharing this many content words (and a third of the shorter's) retell one event.</summary>
    private const int ManySharedWords = 6;
    private const double RestatedShare = 0.3;

    public Story Write(IReadOnlyList<ArticleSummary> sources)
    {
        // Each text's stems are found once: the candidates, the headline's centrality and the titles all use them.
        var stems = sources.Select(s => (Title: SummaryTerms.ContentStems(s.Title), Sentences: s.Sentences.Select(SummaryTerms.ContentStems).ToArray())).ToArray();
        var candidates = Candidates(sources, stems);
        var chosen = PickSentences(candidates, TargetLength(sources.Count));
        var texts = stems.Select(s => new HashSet<string>(s.Title.Concat(s.Sentences.SelectMany(x => x)))).ToArray();

        // The lead of each source first, then the sentences after it: what a headline is made from when no title states the news.
        var leads = sources.SelectMany((s, i) => s.Sentences.Select((text, p) => (text, i, p)))
            .OrderBy(x => x.p).ThenBy(x => x.i).Select(x => x.text);
        return new Story
        {
            Headline = StoryHeadline.Choose(sources.Select(s => s.Title).ToArray(), texts, chosen.Select(c => c.Text).ToArray(), leads),
            Summary = chosen.Select(c => c.Text).ToArray(),
            Citations = chosen.Select(c => c.Source).ToArray(),
            Sources = sources.Select(s => new StorySource
            {
                Article = s.Article,
                Outlet = SourceNames.Of(s),
                Title = s.Title,
                Url = s.Url,
                PublishedAt = s.PublishedAt,
            }).ToArray(),
        };
    }

    private static int TargetLength(int sourceCount) => sourceCount switch { 1 => 2, <= 3 => 3, _ => 4 };

    private static List<Candidate> Candidates(IReadOnlyList<ArticleSummary> sources, (List<string> Title, List<string>[] Sentences)[] stems)
    {
        var candidates = new List<Candidate>();
        for (var s = 0; s < sources.Count; s++)
        {
            for (var p = 0; p < sources[s].Sentences.Count; p++)
            {
                var text = StoryText.Clean(sources[s].Sentences[p]);
                if (!StoryText.StandsAlone(text) || StoryText.IsCaption(text) || StoryText.IsHeadlinese(text) || StoryText.IsPageText(text))
                {
                    continue;
                }

                var sentenceStems = ReferenceEquals(text, sources[s].Sentences[p]) ? stems[s].Sentences[p] : SummaryTerms.ContentStems(text);
                candidates.Add(new Candidate(text, s, p, [.. sentenceStems], Quotes(text), Figures(text)) { Names = StoryText.NameStems(text) });
            }
        }

        // Agreement: for each other source, how closely its best-matching sentence says the same thing.
        var bestPerSource = new double[sources.Count];
        foreach (var candidate in candidates)
        {
            Array.Clear(bestPerSource);
            foreach (var other in candidates)
            {
                if (other.Source != candidate.Source)
                {
                    bestPerSource[other.Source] = Math.Max(bestPerSource[other.Source], Overlap(candidate.Stems, other.Stems));
                }
            }

            // Facts other outlets report too (the same figure) count as support: who, what, how many.
            var factSupport = candidate.Figures.Count == 0 ? 0 : candidates
                .Where(o => o.Source != candidate.Source && o.Figures.Overlaps(candidate.Figures))
                .Select(o => o.Source).Distinct().Count();
            candidate.Score = bestPerSource.Sum() + (0.25 * factSupport) + (1.0 / (1 + candidate.Position)) + (0.1 / (1 + candidate.Source));
        }

        return candidates;
    }

    private static List<Candidate> PickSentences(List<Candidate> candidates, int count)
    {
        var chosen = new List<Candidate>();
        foreach (var candidate in candidates.OrderByDescending(c => c.Score).ThenBy(c => c.Source).ThenBy(c => c.Position))
        {
            if (chosen.Count == count)
            {
                break;
            }

            // A sentence that leans on one the story does not show before it ("He said", "Larson said", "The
            // satellite will map ..." with no satellite yet) is left for one that stands on its own.
            if (StoryReferences.MissingReference(candidate.Text, chosen.Select(c => c.Text).ToList()) is not null)
            {
                continue;
            }

            if (chosen.Any(c => SameFact(c, candidate) || SharesQuote(c, candidate) || SharesFigure(c, candidate)))
            {
                continue;
            }

            chosen.Add(candidate);
        }

        // A story whose every sentence leaned on another keeps none of them; its headline still says what happened.
        // Best-supported fact first: it is the story's lead. Each keeps the index of the source it was taken from.
        return chosen;
    }

    /// <summary>
    /// The same fact in other words: high overlap of all content words, or most of the shorter sentence's content
    /// words (three or more) found in the other, about the same names ("The Saudi cabinet has approved sweeping
    /// economic reforms" and "Saudi Arabia's cabinet has agreed on a broad-based economic reform plan").
    /// </summary>
    private static bool SameFact(Candidate a, Candidate b)
    {
        if (Overlap(a.Stems, b.Stems) >= SameFactOverlap)
        {
            return true;
        }

        var common = a.Stems.Count(b.Stems.Contains);
        var smaller = Math.Min(a.Stems.Count, b.Stems.Count);
        return a.Names.Overlaps(b.Names) &&
               ((common >= 3 && common >= SameFactShare * smaller) || (common >= ManySharedWords && common >= RestatedShare * smaller));
    }

    /// <summary>Two sentences giving the same distinctive figure ($412.8 million, 6-3, 24%) state the same fact.</summary>
    private static bool SharesFigure(Candidate a, Candidate b) => a.Figures.Overlaps(b.Figures);

    private static bool SharesQuote(Candidate a, Candidate b) =>
        a.Quotes.Any(qa => b.Quotes.Any(qb => Overlap(qa, qb) >= SameQuoteOverlap));

    /// <summary>Cosine overlap of two stem sets.</summary>
    private static double Overlap(HashSet<string> a, HashSet<string> b)
    {
        if (a.Count == 0 || b.Count == 0)
        {
            return 0;
        }

        var common = a.Count <= b.Count ? a.Count(b.Contains) : b.Count(a.Contains);
        return common / Math.Sqrt((double)a.Count * b.Count);
    }

    private static List<HashSet<string>> Quotes(string sentence) =>
        QuotePattern().Matches(sentence)
            .Select(m => new HashSet<string>(SummaryTerms.ContentStems(m.Groups["quote"].Value)))
            .Where(stems => stems.Count >= 3)
            .ToList();

    /// <summary>The distinctive figures of a sentence; numbers written out ("Twenty-three") count as their digits.</summary>
    private static HashSet<string> Figures(string sentence)
    {
        var figures = FigurePattern().Matches(sentence)
            .Select(m => m.Value.TrimEnd('.', ','))
            .Where(f => !(f.Length == 4 && f[0] is '1' or '2' && f.All(char.IsDigit)))
            .Where(f => f.Length >= 2)
            .ToHashSet(StringComparer.Ordinal);
        figures.UnionWith(StoryText.SpelledNumbers(sentence));
        return figures;
    }

    [GeneratedRegex(@"\d+(?:[.,]\d+)*(?:-\d+)?%?")]
    private static partial Regex FigurePattern();

    [GeneratedRegex("[\"“”](?<quote>[^\"“”]{12,})[\"“”]")]
    private static partial Regex QuotePattern();

    private sealed class Candidate(
        string text, int source, int position, HashSet<string> stems, List<HashSet<string>> quotes, HashSet<string> figures)
    {
        public HashSet<string> Figures { get; } = figures;

        public string Text { get; } = text;

        public int Source { get; } = source;

        public int Position { get; } = position;

        public HashSet<string> Stems { get; } = stems;

        public List<HashSet<string>> Quotes { get; } = quotes;

        public double Score { get; set; }

        /// <summary>Stems of the names and figures: who or what the sentence is about.</summary>
        public HashSet<string> Names { get; init; } = [];
    }
}
