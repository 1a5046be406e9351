using Digest.Briefings.Grouping;
using Digest.Summaries;

namespace Digest.Briefings;

/// <summary>
/// Composes a day's briefing from its summary records: exact duplicates (same content hash) count once (the first to arrive stands for them), articles
/// about the same event become one story, and stories are ranked so the most covered and most recent come first.
/// </summary>
public sealed class BriefingComposer(StoryGrouper grouper, StoryWriter writer)
{
    public Briefing Compose(DateOnly date, IEnumerable<ArticleSummary> summaries, IEnumerable<RejectedArticle> rejected)
    {
        var distinct = summaries
            .OrderBy(s => s.SummarizedAt)
            .ThenBy(s => s.Article, StringComparer.Ordinal)
            .DistinctBy(s => s.ContentHash, StringComparer.Ordinal)
            .ToArray();

        var stories = grouper.Group(distinct)
            .Select(members => members.Select(i => distinct[i]).ToArray())
            .Select(sources => (story: writer.Write(sources), outlets: DistinctOutlets(sources), latest: Latest(sources)))
            .OrderByDescending(x => x.outlets)
            .ThenByDescending(x => x.story.Sources.Count)
            .ThenByDescending(x => x.latest)
            .ThenBy(x => x.story.Headline, StringComparer.Ordinal)
            .Select(x => x.story)
            .ToArray();

        return new Briefing
        {
            Date = date,
            ArticleCount = distinct.Length,
            Stories = stories,
            Rejected = rejected.OrderBy(r => r.Article, StringComparer.Ordinal).ToArray(),
        };
    }

    private static int DistinctOutlets(ArticleSummary[] sources) =>
        sources.Select(s => s.Outlet ?? s.Article).Distinct(StringComparer.OrdinalIgnoreCase).Count();

    private static DateTimeOffset Latest(ArticleSummary[] sources) =>
        sources.Max(s => s.PublishedAt ?? s.SummarizedAt);
}
