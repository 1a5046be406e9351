using AngleSharp.Dom;

namespace Digest.Articles.Html;

/// <summary>
/// One bottom-up pass over the page body: measures the text of every element, leaves out invisible elements and
/// page furniture (navigation, asides, share bars, related lists, banners), and scores each container by the
/// paragraphs it holds, readability style.
/// </summary>
internal sealed class PageAnalysis
{
    private const int MaxDepth = HtmlNesting.MaxTreeDepth;
    private const int MinParagraphLength = 25;
    private static readonly ElementStats Nothing = new();

    /// <summary>schema.org properties that describe the article rather than tell it.</summary>
    private static readonly HashSet<string> MetadataProperties = new(StringComparer.OrdinalIgnoreCase)
    {
        "author", "creator", "publisher", "datePublished", "dateModified", "dateCreated", "image", "logo", "thumbnailUrl",
    };

    private readonly Dictionary<IElement, ElementStats> stats = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<IElement, double> scores = new(ReferenceEqualityComparer.Instance);

    /// <summary>The class and id hints of this page.</summary>
    public ClassHints Hints { get; } = new();

    private PageAnalysis()
    {
    }

    /// <summary>Analyses the body of a page.</summary>
    public static PageAnalysis Of(IElement body)
    {
        var analysis = new PageAnalysis();
        analysis.Measure(body, 0, insideLink: false);
        return analysis;
    }

    /// <summary>Whether the element was left out as invisible or furniture.</summary>
    public bool IsDropped(IElement element) => !stats.ContainsKey(element);

    /// <summary>The measurements of a kept element.</summary>
    public ElementStats StatsOf(IElement element) => stats.GetValueOrDefault(element) ?? Nothing;

    /// <summary>The elements that received a content score, with their score discounted by link density.</summary>
    public IEnumerable<(IElement Element, double Score)> Candidates =>
        scores.Select(pair => (pair.Key, pair.Value * (1 - StatsOf(pair.Key).LinkDensity)));

    /// <summary>The content score of an element discounted by its link density (0 when it holds no paragraphs).</summary>
    public double ScoreOf(IElement element) =>
        scores.TryGetValue(element, out var score) ? score * (1 - StatsOf(element).LinkDensity) : 0;

    private ElementStats Measure(IElement element, int depth, bool insideLink)
    {
        var tag = element.TagName;
        if (depth > MaxDepth || HtmlTags.Invisible.Contains(tag) || IsHidden(element))
        {
            return Nothing;
        }

        var isLink = tag == "A";
        var own = new ElementStats { Images = tag == "IMG" ? 1 : 0, Inputs = tag == "INPUT" && element.GetAttribute("type") != "hidden" ? 1 : 0 };
        foreach (var child in element.ChildNodes)
        {
            if (child is IElement childElement)
            {
                var childStats = Measure(childElement, depth + 1, insideLink || isLink);
                own.Add(childStats);
                if (HtmlTags.Block.Contains(childElement.TagName))
                {
                    own.HasBlockChild = true;
                }
                else
                {
                    own.InlineTextLength += childStats.TextLength;
                }
            }
            else if (child.NodeType == NodeType.Text)
            {
                var (letters, commas) = CountText(child.TextContent);
                own.TextLength += letters;
                own.InlineTextLength += letters;
                own.Commas += commas;
                if (insideLink || isLink)
                {
                    own.LinkTextLength += letters;
                }
            }
        }

        if (tag == "BLOCKQUOTE")
        {
            own.QuoteTextLength = own.TextLength;
        }

        if (IsFurniture(element, tag, own))
        {
            return Nothing;
        }

        stats[element] = own;
        ScoreParagraph(element, tag, own);
        return own;
    }

    private void ScoreParagraph(IElement element, string tag, ElementStats own)
    {
        var isParagraph = HtmlTags.Paragraph.Contains(tag) || (HtmlTags.Container.Contains(tag) && !own.HasBlockChild);
        var length = isParagraph ? own.TextLength : own.InlineTextLength;
        if (length < MinParagraphLength || !(isParagraph || HtmlTags.Container.Contains(tag)))
        {
            return;
        }

        if (isParagraph)
        {
            own.Paragraphs++;
        }

        var score = 1.0 + own.Commas + Math.Min(length / 100, 3);
        var ancestor = isParagraph ? element.ParentElement : element;
        for (var level = 0; ancestor is not null && level < 5; level++, ancestor = ancestor.ParentElement)
        {
            var divider = level switch { 0 => 1.0, 1 => 2.0, _ => level * 3.0 };
            if (!scores.TryGetValue(ancestor, out var current))
            {
                current = InitialScore(ancestor);
            }

            scores[ancestor] = current + score / divider;
        }
    }

    private double InitialScore(IElement element)
    {
        var score = element.TagName switch
        {
            "DIV" or "ARTICLE" or "MAIN" or "SECTION" => 5,
            "PRE" or "TD" or "BLOCKQUOTE" => 3,
            "ADDRESS" or "OL" or "UL" or "DL" or "DD" or "DT" or "LI" or "FORM" => -3,
            "H1" or "H2" or "H3" or "H4" or "H5" or "H6" or "TH" => -5,
            _ => 0,
        };
        return score + Hints.Weight(element);
    }

    private bool IsFurniture(IElement element, string tag, ElementStats own)
    {
        if (tag is "BODY" or "HTML" or "ARTICLE" or "MAIN")
        {
            return false;
        }

        if (HtmlTags.Furniture.Contains(tag) || element.GetAttribute("role") is "navigation" or "complementary" or "banner" or "contentinfo")
        {
            return true;
        }

        if (element.GetAttribute("itemprop") is { } property && MetadataProperties.Contains(property))
        {
            return true;
        }

        var prose = own.Paragraphs >= 3 && own.LinkDensity < 0.3;
        if (HtmlTags.HeaderFooter.Contains(tag))
        {
            return !prose;
        }

        if (!Hints.IsBoilerplate(element))
        {
            return false;
        }

        return own.LinkDensity > 0.5 || own.TextLength < 300 || !(Hints.IsContent(element) || own.Paragraphs >= 8);
    }

    private static bool IsHidden(IElement element)
    {
        if (element.HasAttribute("hidden"))
        {
            return true;
        }

        var style = element.GetAttribute("style");
        if (string.IsNullOrEmpty(style))
        {
            return false;
        }

        var compact = style.Replace(" ", "", StringComparison.Ordinal);
        return compact.Contains("display:none", StringComparison.OrdinalIgnoreCase)
            || compact.Contains("visibility:hidden", StringComparison.OrdinalIgnoreCase);
    }

    private static (int Letters, int Commas) CountText(string text)
    {
        int letters = 0, commas = 0;
        foreach (var c in text)
        {
            if (!char.IsWhiteSpace(c))
            {
                letters++;
                if (c is ',' or '،' or '，')
                {
                    commas++;
                }
            }
        }

        return (letters, commas);
    }
}
