namespace Digest.Articles.Html;

/// <summary>Groups of HTML tag names (upper case, as AngleSharp reports them) that the extractor treats alike.</summary>
internal static class HtmlTags
{
    /// <summary>Never visible text: scripts, styles, embedded objects, form controls.</summary>
    public static readonly HashSet<string> Invisible = new(StringComparer.Ordinal)
    {
        "SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE", "IFRAME", "SVG", "CANVAS", "OBJECT", "EMBED", "VIDEO", "AUDIO",
        "BUTTON", "SELECT", "TEXTAREA", "LABEL", "HEAD", "LINK", "META", "TITLE", "MATH", "DIALOG",
    };

    /// <summary>Page furniture and picture captions by their semantic tag.</summary>
    public static readonly HashSet<string> Furniture = new(StringComparer.Ordinal) { "NAV", "ASIDE", "MENU", "FIGCAPTION" };

    /// <summary>Header and footer: dropped unless they hold prose themselves.</summary>
    public static readonly HashSet<string> HeaderFooter = new(StringComparer.Ordinal) { "HEADER", "FOOTER" };

    /// <summary>Elements that start a new block of text.</summary>
    public static readonly HashSet<string> Block = new(StringComparer.Ordinal)
    {
        "ADDRESS", "ARTICLE", "ASIDE", "BLOCKQUOTE", "CAPTION", "DD", "DETAILS", "DIV", "DL", "DT", "FIELDSET",
        "FIGCAPTION", "FIGURE", "FOOTER", "FORM", "H1", "H2", "H3", "H4", "H5", "H6", "HEADER", "HR", "LI", "MAIN",
        "NAV", "OL", "P", "PRE", "SECTION", "SUMMARY", "TABLE", "TBODY", "TD", "TFOOT", "TH", "THEAD", "TR", "UL", "CENTER",
    };

    /// <summary>Elements whose own text is one paragraph of the body.</summary>
    public static readonly HashSet<string> Paragraph = new(StringComparer.Ordinal) { "P", "PRE", "TD", "BLOCKQUOTE" };

    /// <summary>Containers whose inline text reads as a paragraph when they hold no blocks.</summary>
    public static readonly HashSet<string> Container = new(StringComparer.Ordinal) { "DIV", "SECTION", "ARTICLE", "MAIN", "CENTER" };

    public static readonly HashSet<string> Heading = new(StringComparer.Ordinal) { "H1", "H2", "H3", "H4", "H5", "H6" };
}
