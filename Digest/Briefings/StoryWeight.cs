using Digest.Briefings.Grouping;
using Digest.Summaries;

namespace Digest.Briefings;

/// <summary>
/// How much news a story is, for ranking: the number of distinct outlets among its firm members (an outlet that
/// reported twice counts once), then the newest of their published times. Only firm members count
/// (<see cref="GroupedStory.Firm"/>): an article that is in the story only on the strength of the others, the kind a
/// wrong merge brings in, adds nothing to its rank, so a story that may mix events never outranks a clean one on
/// the strength of the doubtful part.
/// </summary>
public readonly record struct StoryWeight(int Outlets, DateTimeOffset Latest) : IComparable<StoryWeight>
{
    public static StoryWeight Of(GroupedStory story, IReadOnlyList<ArticleSummary> summaries)
    {
        ArgumentNullException.ThrowIfNull(story);
        ArgumentNullException.ThrowIfNull(summaries);
        var firm = story.Members.Where((_, k) => story.Firm[k]).Select(i => summaries[i]).ToArray();
        if (firm.Length == 0)
        {
            // Every member is doubtful: the story counts as one report, its first.
            firm = [summaries[story.Members[0]]];
        }

        return new StoryWeight(
            firm.Select(s => s.Outlet ?? s.Article).Distinct(StringComparer.OrdinalIgnoreCase).Count(),
            firm.Max(s => s.PublishedAt ?? s.SummarizedAt));
    }

    public int CompareTo(StoryWeight other) =>
        Outlets != other.Outlets ? Outlets.CompareTo(other.Outlets) : Latest.CompareTo(other.Latest);

    public static bool operator <(StoryWeight left, StoryWeight right) => left.CompareTo(right) < 0;

    public static bool operator >(StoryWeight left, StoryWeight right) => left.CompareTo(right) > 0;

    public static bool operator <=(StoryWeight left, StoryWeight right) => left.CompareTo(right) <= 0;

    public static bool operator >=(StoryWeight left, StoryWeight right) => left.CompareTo(right) >= 0;
}
