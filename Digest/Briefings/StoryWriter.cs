using System.Text.RegularExpressions;
using Digest.Briefings.Grouping;
using Digest.Summaries;

namespace Digest.Briefings;

/// <summary>
/// Writes one story from the summaries of its articles: a headline taken from a real article title, a summary of
/// 2-4 sentences drawn across the sources, and the list of sources.
/// <para>
/// Sentences that several outlets agree on rank first (a fact reported by many is the core of the story), then the
/// leads of each article. A sentence is skipped when it says what an already chosen sentence says (high word overlap)
/// or repeats the same quote, so the story never tells a fact or a quote twice.
/// </para>
/// </summary>
public sealed partial class StoryWriter
{
    private const double SameFactOverlap = 0.45;
    private const double SameQuoteOverlap = 0.6;
    private const int MinHeadline = 40;
    private const int MaxHeadline = 110;

    public Story Write(IReadOnlyList<ArticleSummary> sources)
    {
        var candidates = Candidates(sources);
        var chosen = PickSentences(candidates, TargetLength(sources.Count));
        return new Story
        {
            Headline = Headline(sources, candidates),
            Summary = chosen.Select(c => c.Text).ToArray(),
            Citations = chosen.Select(c => c.Source).ToArray(),
            Sources = sources.Select(s => new StorySource
            {
                Article = s.Article,
                Outlet = s.Outlet ?? "Unknown outlet",
                Title = s.Title,
                Url = s.Url,
                PublishedAt = s.PublishedAt,
            }).ToArray(),
        };
    }

    private static int TargetLength(int sourceCount) => sourceCount switch { 1 => 2, <= 3 => 3, _ => 4 };

    private static List<Candidate> Candidates(IReadOnlyList<ArticleSummary> sources)
    {
        var candidates = new List<Candidate>();
        for (var s = 0; s < sources.Count; s++)
        {
            for (var p = 0; p < sources[s].Sentences.Count; p++)
            {
                var text = sources[s].Sentences[p];
                candidates.Add(new Candidate(text, s, p, [.. SummaryTerms.ContentStems(text)], Quotes(text), Figures(text)));
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

            candidate.Score = bestPerSource.Sum() + (1.0 / (1 + candidate.Position)) + (0.1 / (1 + candidate.Source));
        }

        return candidates;
    }

    private static string Headline(IReadOnlyList<ArticleSummary> sources, List<Candidate> candidates)
    {
        // The title that best matches what all the sources report: most overlap with the other articles' titles and
        // sentences. An angle piece's headline ("... as cities confront rising costs") loses to the plain event.
        var texts = sources.Select(s => new HashSet<string>(SummaryTerms.ContentStems(s.Title + " " + string.Join(' ', s.Sentences)))).ToArray();
        var best = sources
            .Select((summary, index) => (summary, index))
            .Where(x => !string.IsNullOrWhiteSpace(x.summary.Title))
            .Select(x => (x.summary.Title, x.index, centrality: Centrality(x.summary.Title!, x.index, texts)))
            .OrderByDescending(x => x.centrality)
            .ThenBy(x => x.index)
            .Select(x => x.Title!.Trim())
            .FirstOrDefault();
        return best ?? Shorten(candidates.OrderBy(c => c.Source).ThenBy(c => c.Position).Select(c => c.Text).FirstOrDefault() ?? "Untitled story");
    }

    private static double Centrality(string title, int source, HashSet<string>[] texts)
    {
        var stems = new HashSet<string>(SummaryTerms.ContentStems(title));
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

            if (chosen.Any(c => Overlap(c.Stems, candidate.Stems) >= SameFactOverlap || SharesQuote(c, candidate) || SharesFigure(c, candidate)))
            {
                continue;
            }

            chosen.Add(candidate);
        }

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

    /// <summary>
    /// A headline from a sentence, for a story none of whose articles has a title: the sentence without its full stop
    /// when short, else its main clause (cut before "after", "as", a comma ...), else cut at a word with an ellipsis.
    /// </summary>
    private static string Shorten(string sentence)
    {
        sentence = sentence.Trim().TrimEnd('.');
        if (sentence.Length <= MaxHeadline)
        {
            return sentence;
        }

        var clause = ClauseBreak().Matches(sentence).Where(m => m.Index is >= MinHeadline and <= MaxHeadline).LastOrDefault();
        return clause is not null ? sentence[..clause.Index] : sentence[..sentence.LastIndexOf(' ', MaxHeadline - 3)] + "…";
    }

    private static HashSet<string> Figures(string sentence) =>
        FigurePattern().Matches(sentence)
            .Select(m => m.Value.TrimEnd('.', ','))
            .Where(f => !(f.Length == 4 && f[0] is '1' or '2' && f.All(char.IsDigit)))
            .Where(f => f.Length >= 2)
            .ToHashSet(StringComparer.Ordinal);

    [GeneratedRegex(@"\d+(?:[.,]\d+)*(?:-\d+)?%?")]
    private static partial Regex FigurePattern();

    [GeneratedRegex(@",\s| (?:after|as|and|while|because|when|amid|despite|following|with) | [—–] ")]
    private static partial Regex ClauseBreak();

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
