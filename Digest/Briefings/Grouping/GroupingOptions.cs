using System.ComponentModel.DataAnnotations;

namespace Digest.Briefings.Grouping;

/// <summary>How summaries are grouped into stories (configuration section <c>Grouping</c>).</summary>
public sealed class GroupingOptions
{
    public const string SectionName = "Grouping";

    /// <summary>
    /// Mean similarity over every pair of articles of two stories at which they become one story (average linkage;
    /// a pair without a link counts 0).
    /// </summary>
    [Range(0.01, 0.99)]
    public double SimilarityThreshold { get; set; } = 0.2;

    /// <summary>Cosine similarity at which two articles are linked at all; weaker likeness counts as none.</summary>
    [Range(0.0, 0.99)]
    public double LinkFloor { get; set; } = 0.05;

    /// <summary>
    /// Terms (word stems and pairs of adjacent stems) two articles must share to be linked: one shared name ("Pope
    /// Francis" is three terms) tells a topic, not a happening.
    /// </summary>
    [Range(1, 100)]
    public int MinSharedTerms { get; set; } = 5;

    /// <summary>
    /// The strongest link two articles get from their event terms alone (names, amounts, years from their whole texts,
    /// see <see cref="Summaries.ArticleSummary.EventTerms"/>) when their summaries are too unlike to link them; 0 never
    /// links on event terms.
    /// </summary>
    [Range(0.0, 1.0)]
    public double EventTermWeight { get; set; } = 0.6;

    /// <summary>
    /// Evidence from shared event terms (the sum over them of <c>ln((N + 1) / (1 + df))</c>, how unlikely each is to be
    /// shared by chance on a day of N articles) below which it links nothing: a shared country, party or institution
    /// is topic, three rare names or figures on a day of some hundreds of articles tell an event.
    /// </summary>
    [Range(0.0, 1_000.0)]
    public double EventEvidenceFloor { get; set; } = 16;

    /// <summary>Evidence past <see cref="EventEvidenceFloor"/> over which the event-term link grows to <see cref="EventTermWeight"/>.</summary>
    [Range(0.1, 1_000.0)]
    public double EventEvidenceSpan { get; set; } = 8;

    /// <summary>Heaviest terms of each article that index it for candidate look-up.</summary>
    [Range(1, 100)]
    public int IndexTermsPerArticle { get; set; } = 12;

    /// <summary>For a term shared by many articles, how many of the newest ones are considered.</summary>
    [Range(1, 10_000)]
    public int MaxArticlesPerTerm { get; set; } = 32;

    /// <summary>Earlier articles each article is compared with: those sharing most of its index terms.</summary>
    [Range(1, 1_000)]
    public int CandidatesPerArticle { get; set; } = 24;

    /// <summary>
    /// Two reports published further apart than this (both with a published time) are never one story: an event's
    /// coverage comes within a few days, a second missile test a month later is another event.
    /// </summary>
    [Range(typeof(TimeSpan), "01:00:00", "30.00:00:00")]
    public TimeSpan MaxPublishedApart { get; set; } = TimeSpan.FromDays(3);
}
