namespace Digest.Articles.Html;

/// <summary>What the HTML extractor found in a web page: metadata from the page and the main article body.</summary>
public sealed record HtmlExtraction
{
    public string? Title { get; init; }

    public string? Outlet { get; init; }

    public string? Url { get; init; }

    public DateTimeOffset? PublishedAt { get; init; }

    /// <summary>The article body as plain-text blocks (paragraphs, list items, subheads), in page order.</summary>
    public required IReadOnlyList<string> Paragraphs { get; init; }

    /// <summary>How many tags were left out because they nested deeper than the extractor reads (0 on real pages).</summary>
    public int TagsNestedTooDeep { get; init; }

    /// <summary>Whether the page had more elements than the extractor reads, and only its first part was read.</summary>
    public bool Truncated { get; init; }
}
