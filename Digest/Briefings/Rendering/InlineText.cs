using Digest.Articles.Decoding;

namespace Digest.Briefings.Rendering;

/// <summary>
/// Makes article text safe to place on one line: control characters and line breaks become spaces and runs of
/// white space collapse, so a headline cannot break the layout of the plain-text copy or a header.
/// </summary>
internal static class InlineText
{
    public static string Clean(string? text) => string.IsNullOrEmpty(text) ? string.Empty : TextNormalizer.CollapseWhitespace(text);
}
