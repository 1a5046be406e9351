using System.Text;
using AngleSharp.Dom;

namespace Digest.Articles.Html;

/// <summary>
/// Writes the chosen article elements as plain-text blocks in page order, skipping furniture found inside them:
/// link lists, image strips, forms and tiny fragments (readability's conditional cleaning) and stock labels such as
/// "Advertisement".
/// </summary>
internal sealed class BodyWriter
{
    private static readonly HashSet<string> StockLabels = new(StringComparer.OrdinalIgnoreCase)
    {
        "advertisement", "advertisement:", "ad", "ads", "sponsored", "sponsored content", "share", "share this",
        "share this article", "share this story", "read more", "read more:", "continue reading", "related",
        "related articles", "related stories", "related content", "you may also like", "recommended", "comments",
        "more", "see also", "click here", "story continues below advertisement", "skip advertisement",
    };

    private readonly PageAnalysis analysis;
    private readonly List<string> blocks = [];
    private readonly StringBuilder current = new();
    private int rootParagraphs;
    private int currentLetters;
    private int currentLinkLetters;
    private bool pendingSpace;
    private bool pendingWordBreak;
    private string currentTag = "";

    private BodyWriter(PageAnalysis analysis) => this.analysis = analysis;

    /// <summary>The text blocks of <paramref name="roots"/>.</summary>
    public static IReadOnlyList<string> Write(PageAnalysis analysis, IReadOnlyList<IElement> roots)
    {
        var writer = new BodyWriter(analysis);
        foreach (var root in roots)
        {
            writer.rootParagraphs = analysis.StatsOf(root).Paragraphs;
            writer.Visit(root, isRoot: true, insideLink: false);
            writer.Flush();
        }

        return writer.blocks;
    }

    private void Visit(IElement element, bool isRoot, bool insideLink)
    {
        if (analysis.IsDropped(element) || (!isRoot && IsClutter(element)))
        {
            return;
        }

        var tag = element.TagName;
        var isBlock = HtmlTags.Block.Contains(tag);
        if (tag == "BR")
        {
            Flush();
            return;
        }

        if (isBlock)
        {
            Flush();
            currentTag = tag;
        }

        var isLink = insideLink || tag == "A";
        pendingWordBreak |= tag == "A";
        foreach (var child in element.ChildNodes)
        {
            if (child is IElement childElement)
            {
                Visit(childElement, isRoot: false, isLink);
            }
            else if (child.NodeType == NodeType.Text)
            {
                Append(child.TextContent, isLink);
            }
        }

        pendingWordBreak |= tag == "A";
        if (isBlock)
        {
            Flush();
        }
    }

    private void Append(string text, bool insideLink)
    {
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = current.Length > 0;
            }
            else if (!PageText.IsInvisible(c))
            {
                if (pendingSpace || (pendingWordBreak && current.Length > 0 && char.IsLetterOrDigit(current[^1]) && char.IsLetterOrDigit(c)))
                {
                    current.Append(' ');
                    pendingSpace = false;
                }

                current.Append(c);
                pendingWordBreak = false;
                currentLetters++;
                if (insideLink)
                {
                    currentLinkLetters++;
                }
            }
        }
    }

    private void Flush()
    {
        if (current.Length > 0 && IsBodyText())
        {
            blocks.Add(current.ToString());
        }

        current.Clear();
        currentLetters = 0;
        currentLinkLetters = 0;
        pendingSpace = false;
        pendingWordBreak = false;
        currentTag = "";
    }

    private bool IsBodyText()
    {
        if (currentTag == "H1" || StockLabels.Contains(current.ToString()))
        {
            return false;
        }

        return currentLinkLetters <= currentLetters * (currentTag == "LI" ? 0.5 : 0.8);
    }

    /// <summary>Readability's conditional cleaning of containers inside the article.</summary>
    private bool IsClutter(IElement element)
    {
        var tag = element.TagName;
        if (tag is not ("DIV" or "SECTION" or "UL" or "OL" or "TABLE" or "FORM" or "FIGURE" or "DL"))
        {
            return false;
        }

        var weight = analysis.Hints.Weight(element);
        var score = analysis.ScoreOf(element);
        if (weight + score < 0)
        {
            return true;
        }

        var stats = analysis.StatsOf(element);
        var isQuote = stats.QuoteTextLength * 2 > stats.TextLength;
        if (isQuote || stats.Commas >= 10 || (stats.Paragraphs >= 2 && stats.Paragraphs * 2 >= rootParagraphs))
        {
            return false;
        }

        if (stats.Images > 0 && stats.TextLength < 300 && analysis.Hints.IsMedia(element))
        {
            return true;
        }

        var isList = tag is "UL" or "OL" or "DL";
        var paragraphs = stats.Paragraphs;
        return (stats.Images > 1 && paragraphs < stats.Images / 2.0 && tag != "FIGURE")
            || stats.Inputs > paragraphs / 3
            || (!isList && stats.TextLength < 25 && (stats.Images == 0 || stats.Images > 2) && !IsPlainLine(stats))
            || (!isList && weight < 25 && stats.LinkDensity > 0.2)
            || (weight >= 25 && stats.LinkDensity > 0.5);
    }

    /// <summary>A short line of plain text without links, such as a subhead styled as a div.</summary>
    private static bool IsPlainLine(ElementStats stats) => stats.TextLength > 0 && stats.LinkTextLength == 0 && !stats.HasBlockChild;
}
