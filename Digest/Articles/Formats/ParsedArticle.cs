namespace Digest.Articles.Formats;

/// <summary>What a format parser read from a file, before cleanup.</summary>
internal sealed record ParsedArticle
{
    public string? Title { get; init; }

    public string? Outlet { get; init; }

    public string? Url { get; init; }

    public DateTimeOffset? PublishedAt { get; init; }

    /// <summary>Body blocks in document order: plain text, one paragraph each.</summary>
    public required IReadOnlyList<string> Paragraphs { get; init; }

    /// <summary>What the format itself showed was not body text (Markdown images, HTML figure captions, ## subheads).</summary>
    public IReadOnlyList<DroppedText> Dropped { get; init; } = [];
}
