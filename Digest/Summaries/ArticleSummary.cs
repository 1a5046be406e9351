namespace Digest.Summaries;

/// <summary>
/// The summary record kept for every article (one JSON document each). The daily briefing is composed from these
/// records alone, so they carry everything grouping and story writing need.
/// </summary>
public sealed record ArticleSummary
{
    /// <summary>The input file or blob name.</summary>
    public required string Article { get; init; }

    public string? Title { get; init; }

    public string? Outlet { get; init; }

    public string? Url { get; init; }

    public DateTimeOffset? PublishedAt { get; init; }

    /// <summary>Lower-case hex SHA-256 of the article's bytes.</summary>
    public required string ContentHash { get; init; }

    /// <summary>The summary sentences: whole sentences from the article in its order (extractive), or the sentences of an abstractive summary.</summary>
    public required IReadOnlyList<string> Sentences { get; init; }

    /// <summary>Key phrases, most important first.</summary>
    public IReadOnlyList<string> KeyPhrases { get; init; } = [];

    /// <summary>
    /// Terms of the whole article that tell its event (names, amounts with what they count, years), lower case, most
    /// used first. Grouping weighs them with the summary; a record stored before they were kept has none.
    /// </summary>
    public IReadOnlyList<string> EventTerms { get; init; } = [];

    /// <summary>Words in the article body.</summary>
    public int WordCount { get; init; }

    /// <summary>Which summarizer produced the sentences, e.g. <c>builtin</c>.</summary>
    public string Provider { get; init; } = "builtin";

    /// <summary>When the summary was made; the briefing window is based on it.</summary>
    public DateTimeOffset SummarizedAt { get; init; }
}
