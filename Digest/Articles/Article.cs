namespace Digest.Articles;

/// <summary>
/// An article as intake read it from an uploaded file or blob: its metadata, its body as clean paragraphs,
/// and everything intake dropped on the way (bylines, captions, prompts ...) so nothing disappears unexplained.
/// </summary>
public sealed record Article
{
    /// <summary>The input file or blob name, as given (never used as a path without <see cref="Storage.SafeNames"/>).</summary>
    public required string Name { get; init; }

    /// <summary>A real title: never a dateline, byline or caption. Null when the article has none.</summary>
    public string? Title { get; init; }

    public string? Outlet { get; init; }

    public string? Url { get; init; }

    public DateTimeOffset? PublishedAt { get; init; }

    /// <summary>Body paragraphs: plain text, whitespace normalised, boilerplate removed.</summary>
    public required IReadOnlyList<string> Paragraphs { get; init; }

    /// <summary>What intake removed from the body, with the kind of thing it was.</summary>
    public IReadOnlyList<DroppedText> Dropped { get; init; } = [];

    /// <summary>Lower-case hex SHA-256 of the raw input bytes: the identity of the content.</summary>
    public required string ContentHash { get; init; }
}

/// <summary>Text removed from an article by intake, e.g. <c>("byline", "By Ana Ruiz | Harbor Times")</c>.</summary>
public sealed record DroppedText(string Kind, string Text);

/// <summary>The kinds of text intake removes. Strings, so they read well in JSON and reports.</summary>
public static class DroppedKinds
{
    public const string Dateline = "dateline";
    public const string Byline = "byline";
    public const string Subhead = "subhead";
    public const string Caption = "caption";
    public const string EndNote = "end-note";
    public const string Prompt = "prompt";
    public const string Tags = "tags";
    public const string Boilerplate = "boilerplate";
    public const string Deck = "deck";
    public const string Clutter = "clutter";

    /// <summary>Invisible characters that reorder text (U+202E and the other bidi controls), removed from every field.</summary>
    public const string BidiControl = "bidi-control";

    /// <summary>A title or outlet cut at a word to its length limit, or a URL over its limit dropped.</summary>
    public const string OverLength = "over-length";
}
