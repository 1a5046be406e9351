namespace Digest.Briefings;

/// <summary>
/// One day's briefing. Serialised with camelCase names this is the public JSON contract:
/// <c>{"date","articleCount","stories":[{"headline","summary","citations","sources":[{"article","outlet","title","url"}]}],"rejected":[{"article","reason"}]}</c>.
/// </summary>
public sealed record Briefing
{
    public required DateOnly Date { get; init; }

    /// <summary>Distinct articles in the briefing (exact duplicates count once).</summary>
    public required int ArticleCount { get; init; }

    /// <summary>Stories, most covered and most recent first.</summary>
    public required IReadOnlyList<Story> Stories { get; init; }

    /// <summary>Articles set aside during the briefing's window, with the reason.</summary>
    public IReadOnlyList<RejectedArticle> Rejected { get; init; } = [];
}

/// <summary>One event: a headline, a short summary drawn across its sources, and every source.</summary>
public sealed record Story
{
    public required string Headline { get; init; }

    public required IReadOnlyList<string> Summary { get; init; }

    /// <summary>
    /// For each sentence of <see cref="Summary"/>, the index in <see cref="Sources"/> of the article it was taken
    /// from. Empty in briefings made before sentences were cited; an index out of range is shown without a citation.
    /// </summary>
    public IReadOnlyList<int> Citations { get; init; } = [];

    public required IReadOnlyList<StorySource> Sources { get; init; }
}

/// <summary>An article that reported the story.</summary>
public sealed record StorySource
{
    /// <summary>The input file or blob name.</summary>
    public required string Article { get; init; }

    public required string Outlet { get; init; }

    public string? Title { get; init; }

    public string? Url { get; init; }

    public DateTimeOffset? PublishedAt { get; init; }
}

/// <summary>An article that could not be read, and why.</summary>
public sealed record RejectedArticle(string Article, string Reason);
