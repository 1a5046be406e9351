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

    public Story Write(IReadOnlyList<ArticleSummary> sources)
    {
        // Each text's stems are found once: the candidates, the headline's centrality and the titles all use them.
        var stems = sources.Select(s => (Title: SummaryTerms.ContentStems(s.Title), Sentences: s.Sentences.Select(SummaryTerms.ContentStems).ToArray())).ToArray();
        var candidates = Candidates(sources, stems);
        var chosen = PickSentences(candidates, TargetLength(sources.Count));
        return new Story
        {
            Headline = Headline(sources, stems),
            Summary = chosen.Select(c => c.Text).ToArray(),
            Citations = chosen.Select(c => c.Source).ToArray(),
            Sources = sources.Select(s => new StorySource
            {
                Article = s.Article,
                Outlet = s.Outlet ?? SourceName(s),
                Title = s.Title,
                Url = s.Url,
                PublishedAt = s.PublishedAt,
            }).ToArray(),
        };
    }

    /// <summary>
    /// What tells a source apart when nothing in it names its outlet: its file name without the extension
    /// (<c>barn-fire-dunmore</c>), never a shared "unknown outlet".
    /// </summary>
    private static string SourceName(ArticleSummary summary)
    {
        var name = Path.GetFileNameWithoutExtension(summary.Article.Replace('\\', '/').Split('/')[^1]);
        return name.Length > 0 ? name : summary.Article;
    }

    private static int TargetLength(int sourceCount) => sourceCount switch { 1 => 2, <= 3 => 3, _ => 4 };

    private static List<Candidate> Candidates(IReadOnlyList<ArticleSummary> sources, (List<string> Title, List<string>[] Sentences)[] stems)
    {
        var candidates = new List<Candidate>();
        for (var s = 0; s < sources.Count; s++)
        {
            for (var p = 0; p < sources[s].Sentences.Count; p++)
            {
                var text = sources[s].Sentences[p];
                if (!StoryText.StandsAlone(text))
                {
                    continue;
                }

                candidates.Add(new Candidate(text, s, p, [.. stems[s].Sentences[p]], Quotes(text), Figures(text)));
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

    private static string Headline(IReadOnlyList<ArticleSummary> sources, (List<string> Title, List<string>[] Sentences)[] stems)
    {
        // The title that best matches what all the sources report: most overlap with the other articles' titles and
        // sentences. An angle piece's headline ("... as cities confront rising costs") loses to the plain event.
        var texts = stems.Select(s => new HashSet<string>(s.Title.Concat(s.Sentences.SelectMany(x => x)))).ToArray();
        // An explainer's title ("What we know about ...") loses to one that states the news.
        var best = sources
            .Select((summary, index) => (summary, index))
            .Where(x => !string.IsNullOrWhiteSpace(x.summary.Title))
            .Select(x => (Title: StoryText.WithoutDateline(x.summary.Title!.Trim()), x.index))
            .Where(x => x.Title.Any(char.IsLower)) // "BAAR, SWITZERLAND" is a dateline on a line of its own
            .Select(x => (x.Title, x.index, explainer: StoryText.IsExplainerTitle(x.Title), centrality: Centrality(StemsOfTitle(x.Title, sources[x.index].Title!, stems[x.index].Title), x.index, texts)))
            .OrderBy(x => x.explainer)
            .ThenByDescending(x => x.centrality)
            .ThenBy(x => x.index)
            .Select(x => x.Title)
            .FirstOrDefault();
        if (best is not null)
        {
            return best;
        }

        // The lead of each source first, then the sentences after it.
        var leads = sources.SelectMany((s, i) => s.Sentences.Select((text, p) => (text, i, p)))
            .OrderBy(x => x.p).ThenBy(x => x.i).Select(x => x.text);
        return StoryText.HeadlineFrom(leads) ?? "Untitled story";
    }

    /// <summary>The stems of a title as the headline shows it (without its dateline); those of the whole title when nothing was cut.</summary>
    private static List<string> StemsOfTitle(string shown, string title, List<string> titleStems) =>
        shown.Length == title.Length && string.Equals(shown, title, StringComparison.Ordinal) ? titleStems : SummaryTerms.ContentStems(shown);

    private static double Centrality(List<string> titleStems, int source, HashSet<string>[] texts)
    {
        var stems = new HashSet<string>(titleStems);
        if (texts.Length == 1 || stems.Count == 0)
        {
            return 0;
        }

        return texts.Where((_, i) => i != source).Average(text => stems.Count(text.Contains) / (double)stems.Count);
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

            // The lead may not open with "He", "It" ...: nothing before it says who or what.
            if (chosen.Count == 0 && StoryText.OpensWithPronoun(candidate.Text))
            {
                continue;
            }

            if (chosen.Any(c => Overlap(c.Stems, candidate.Stems) >= SameFactOverlap || SharesQuote(c, candidate) || SharesFigure(c, candidate)))
            {
                continue;
            }

            chosen.Add(candidate);
        }

        // A story whose every sentence leaned on another keeps none of them; its headline still says what happened.
        // Best-supported fact first: it is the story's lead. Each keeps the index of the source it was taken from.
        return chosen;
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
    }
}
