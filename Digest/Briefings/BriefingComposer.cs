using Digest.Briefings.Grouping;
using Digest.Summaries;

namespace Digest.Briefings;

/// <summary>
/// Composes a day's briefing from its summary records: exact duplicates (same content hash) count once (the first to
/// arrive stands for them), articles about the same event become one story, and stories are ranked by how much news
/// they are (<see cref="StoryWeight"/>): the most outlets first, then the most recent.
/// </summary>
public sealed class BriefingComposer(StoryGrouper grouper, StoryWriter writer)
{
    public const string NoUsableSentence =
        "no sentence a reader can use on its own (page text, captions or lines that need what came before them)";

    public Briefing Compose(DateOnly date, IEnumerable<ArticleSummary> summaries, IEnumerable<RejectedArticle> rejected)
    {
        var distinct = summaries
            .OrderBy(s => s.SummarizedAt)
            .ThenBy(s => s.Article, StringComparer.Ordinal)
            .DistinctBy(s => s.ContentHash, StringComparer.Ordinal)
            .ToArray();

        var written = grouper.GroupWithSupport(distinct)
            .Select(group => (sources: group.Members.Select(i => distinct[i]).ToArray(), weight: StoryWeight.Of(group, distinct)))
            .Select(x => (story: writer.Write(x.sources), x.weight))
            .ToArray();

        // A story needs at least one sentence a reader can use on its own; a report with none (a page's sign-up box,
        // captions, lines that lean on what the page showed before) is reported as set aside, not shown as a headline.
        var unusable = written.Where(x => x.story.Summary.Count == 0)
            .SelectMany(x => x.story.Sources.Select(source => new RejectedArticle(source.Article, NoUsableSentence)));
        var stories = written.Where(x => x.story.Summary.Count > 0)
            .OrderByDescending(x => x.weight)
            .ThenBy(x => x.story.Headline, StringComparer.Ordinal)
            .Select(x => x.story)
            .ToArray();

        return new Briefing
        {
            Date = date,
            ArticleCount = distinct.Length,
            Stories = stories,
            Rejected = rejected.Concat(unusable).OrderBy(r => r.Article, StringComparer.Ordinal).ToArray(),
        };
    }
}
