namespace Digest.Articles.Cleanup;

/// <summary>An article body after cleanup.</summary>
/// <param name="Title">The title, when it is a real title (possibly found as the first line of the body).</param>
/// <param name="Paragraphs">Body paragraphs that remain: whitespace collapsed, boilerplate removed.</param>
/// <param name="Dropped">Everything removed, in document order, with its kind.</param>
/// <param name="BylineOutlet">The outlet a byline named, if any.</param>
/// <param name="DatelineDate">The first date a dateline or byline named, if any.</param>
public sealed record CleanedBody(
    string? Title,
    IReadOnlyList<string> Paragraphs,
    IReadOnlyList<DroppedText> Dropped,
    string? BylineOutlet,
    DateTimeOffset? DatelineDate);
