using System.ComponentModel.DataAnnotations;

namespace Digest.Briefings.Grouping;

/// <summary>How summaries are grouped into stories (configuration section <c>Grouping</c>).</summary>
public sealed class GroupingOptions
{
    public const string SectionName = "Grouping";

    /// <summary>Cosine similarity to a story's centroid at which an article joins that story.</summary>
    [Range(0.01, 0.99)]
    public double SimilarityThreshold { get; set; } = 0.2;

    /// <summary>Heaviest terms of each article that index its story for candidate look-up.</summary>
    [Range(1, 100)]
    public int IndexTermsPerArticle { get; set; } = 12;

    /// <summary>For a term shared by many stories, how many of the newest ones are considered.</summary>
    [Range(1, 10_000)]
    public int MaxStoriesPerTerm { get; set; } = 32;
}
