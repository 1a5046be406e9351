namespace Digest.Cli.Evaluation.Grouping;

/// <summary>How well a day's stories match the events they report, scored against event labels.</summary>
/// <param name="Texts">Labelled texts that made it into a story (the ones scored).</param>
/// <param name="Stories">Stories holding at least one scored text.</param>
/// <param name="Events">Distinct events among the scored texts.</param>
/// <param name="Precision">B-cubed precision: per text, the share of its story that reports its event, averaged.</param>
/// <param name="Recall">B-cubed recall: per text, the share of its event's texts that are in its story, averaged.</param>
/// <param name="MixedStories">Stories whose texts report more than one event.</param>
/// <param name="MixedInTop">Of the first <see cref="TopCount"/> stories by rank, those that mix events.</param>
/// <param name="TopCount">How many of the first stories <see cref="MixedInTop"/> looked at.</param>
/// <param name="MultiTextEvents">Events with two or more scored texts.</param>
/// <param name="SplitEvents">Of those, the events whose texts are spread over more than one story.</param>
public sealed record GroupingScore(
    int Texts, int Stories, int Events, double Precision, double Recall, int MixedStories, int MixedInTop, int TopCount, int MultiTextEvents, int SplitEvents)
{
    /// <summary>The harmonic mean of <see cref="Precision"/> and <see cref="Recall"/>; 0 when both are 0.</summary>
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    /// <summary>Share of the multi-text events that are split.</summary>
    public double SplitShare => MultiTextEvents == 0 ? 0 : (double)SplitEvents / MultiTextEvents;

    /// <summary>
    /// Scores <paramref name="stories"/> (in rank order, each a list of text names) against <paramref name="labels"/>
    /// (text name to event). Texts without a label are left out of the score, and so is a story left with none.
    /// </summary>
    /// <param name="stories">The briefing's stories, first ranked first, each as the names of its texts.</param>
    /// <param name="labels">The event of each labelled text.</param>
    /// <param name="top">How many of the first stories count as the top of the briefing.</param>
    public static GroupingScore Score(IReadOnlyList<IReadOnlyList<string>> stories, IReadOnlyDictionary<string, string> labels, int top = 20)
    {
        ArgumentNullException.ThrowIfNull(stories);
        ArgumentNullException.ThrowIfNull(labels);
        var scored = stories
            .Select(story => story.Where(labels.ContainsKey).Distinct(StringComparer.Ordinal).Select(name => labels[name]).ToArray())
            .Where(events => events.Length > 0)
            .ToArray();
        var eventSizes = scored.SelectMany(events => events).GroupBy(e => e, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

        double precision = 0, recall = 0;
        var texts = 0;
        foreach (var story in scored)
        {
            foreach (var (label, together) in story.GroupBy(e => e, StringComparer.Ordinal).Select(g => (g.Key, g.Count())))
            {
                // Each of the `together` texts of this event in this story sees the same shares.
                precision += together * ((double)together / story.Length);
                recall += together * ((double)together / eventSizes[label]);
                texts += together;
            }
        }

        var storiesPerEvent = scored.SelectMany(events => events.Distinct(StringComparer.Ordinal)).GroupBy(e => e, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var multiText = eventSizes.Where(e => e.Value >= 2).Select(e => e.Key).ToArray();
        bool Mixes(string[] events) => events.Distinct(StringComparer.Ordinal).Skip(1).Any();
        return new GroupingScore(
            Texts: texts,
            Stories: scored.Length,
            Events: eventSizes.Count,
            Precision: texts == 0 ? 0 : precision / texts,
            Recall: texts == 0 ? 0 : recall / texts,
            MixedStories: scored.Count(Mixes),
            MixedInTop: scored.Take(top).Count(Mixes),
            TopCount: Math.Min(top, scored.Length),
            MultiTextEvents: multiText.Length,
            SplitEvents: multiText.Count(e => storiesPerEvent[e] > 1));
    }
}
