using AngleSharp.Dom;

namespace Digest.Articles.Html;

/// <summary>
/// Picks the element that holds the article: the best-scoring container, moved up when the text is spread over
/// several of its children, plus the sibling blocks that continue the same text.
/// </summary>
internal static class ContentSelector
{
    /// <summary>The top-level elements of the article body in page order (empty when the page has no text).</summary>
    public static IReadOnlyList<IElement> Select(PageAnalysis analysis, IElement body)
    {
        var ranked = analysis.Candidates.OrderByDescending(c => c.Score).Take(5).ToArray();
        if (ranked.Length == 0 || ranked[0].Score <= 0)
        {
            return analysis.StatsOf(body).TextLength > 0 ? [body] : [];
        }

        var top = PromoteToSharedAncestor(ranked);
        var topScore = Math.Max(ranked[0].Score, analysis.ScoreOf(top));
        top = ClimbWhileScoreHolds(analysis, top, body);
        return WithSiblings(analysis, top, topScore);
    }

    private static IElement PromoteToSharedAncestor((IElement Element, double Score)[] ranked)
    {
        var top = ranked[0].Element;
        var close = ranked.Skip(1)
            .Where(c => c.Score >= ranked[0].Score * 0.75 && !c.Element.Contains(top))
            .Select(c => c.Element)
            .ToArray();
        if (close.Length < 3)
        {
            return top;
        }

        for (var ancestor = top.ParentElement; ancestor is not null && ancestor.TagName != "BODY"; ancestor = ancestor.ParentElement)
        {
            if (close.Count(c => ancestor.Contains(c)) >= 3)
            {
                return ancestor;
            }
        }

        return top;
    }

    private static IElement ClimbWhileScoreHolds(PageAnalysis analysis, IElement top, IElement body)
    {
        if (!body.Contains(top) || top == body)
        {
            return body;
        }

        var topScore = analysis.ScoreOf(top);
        var threshold = topScore / 3;
        var lastScore = topScore;
        var current = top;
        for (var parent = current.ParentElement; parent is not null && parent != body; parent = parent.ParentElement)
        {
            var parentScore = analysis.ScoreOf(parent);
            if (parentScore < threshold)
            {
                break;
            }

            if (parentScore > lastScore)
            {
                current = parent;
                break;
            }

            lastScore = parentScore;
        }

        while (current.ParentElement is { } onlyChildParent && onlyChildParent != body
            && onlyChildParent.Children.Count(c => !analysis.IsDropped(c)) == 1)
        {
            current = onlyChildParent;
        }

        return current;
    }

    private static IReadOnlyList<IElement> WithSiblings(PageAnalysis analysis, IElement top, double topScore)
    {
        if (top.TagName == "BODY" || top.ParentElement is not { } parent)
        {
            return [top];
        }

        var threshold = Math.Max(10, topScore * 0.2);
        var selected = new List<IElement>();
        foreach (var sibling in parent.Children)
        {
            if (sibling == top)
            {
                selected.Add(sibling);
            }
            else if (!analysis.IsDropped(sibling) && ContinuesText(analysis, sibling, top, topScore, threshold))
            {
                selected.Add(sibling);
            }
        }

        return selected;
    }

    private static bool ContinuesText(PageAnalysis analysis, IElement sibling, IElement top, double topScore, double threshold)
    {
        var sameClass = !string.IsNullOrEmpty(top.ClassName) && sibling.ClassName == top.ClassName;
        var stats = analysis.StatsOf(sibling);
        if (analysis.ScoreOf(sibling) + (sameClass ? topScore * 0.2 : 0) >= threshold)
        {
            return true;
        }

        if (sameClass && stats.Paragraphs > 0 && stats.LinkDensity < 0.3)
        {
            return true;
        }

        if (sibling.TagName != "P")
        {
            return false;
        }

        return (stats.TextLength > 80 && stats.LinkDensity < 0.25)
            || (stats.TextLength > 0 && stats.LinkDensity == 0 && sibling.TextContent.TrimEnd().EndsWith('.'));
    }
}
