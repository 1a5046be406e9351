using System.Text;

namespace Digest.Briefings.Rendering;

/// <summary>
/// Renders a briefing as plain text wrapped at 72 columns: the same stories as the HTML copy, with each source's
/// link in brackets after the outlet. Only http and https URLs are listed.
/// </summary>
public static class BriefingTextRenderer
{
    /// <summary>Column at which lines wrap (a URL longer than this stays whole).</summary>
    public const int Width = 72;

    private const string Indent = "   ";

    /// <summary>Renders <paramref name="briefing"/> as plain text with <c>\n</c> line breaks.</summary>
    /// <param name="briefing">The day's briefing.</param>
    /// <param name="links">Web view and unsubscribe links and the footer lines.</param>
    /// <param name="includeEditorReport">
    /// Adds the list of articles that were set aside. That list is for editors: leave it out of subscriber email.
    /// </param>
    public static string Render(Briefing briefing, BriefingLinks links, bool includeEditorReport = false)
    {
        ArgumentNullException.ThrowIfNull(briefing);
        ArgumentNullException.ThrowIfNull(links);

        var text = new StringBuilder(4 * 1024);
        text.Append(BriefingWording.Brand.ToUpperInvariant()).Append('\n')
            .Append(BriefingWording.LongDate(briefing.Date)).Append('\n')
            .Append(BriefingWording.Counts(briefing)).Append('\n');
        var webView = SafeLinks.Normalize(links.WebViewUrl);
        if (webView is not null)
        {
            TextWrapper.AppendWrapped(text, $"{BriefingWording.ViewInBrowser}: {webView}", Width, string.Empty, string.Empty);
        }

        var edition = links.Edition ?? new BriefingEdition(0, briefing.Stories.Count);
        var (start, fullEnd, listedEnd) = edition.Range(briefing.Stories.Count);
        for (var i = start; i < listedEnd; i++)
        {
            text.Append('\n');
            AppendStory(text, i + 1, briefing.Stories[i], full: i < fullEnd, edition.MaxSources);
        }

        var more = SafeLinks.Normalize(edition.MoreStoriesUrl);
        if (briefing.Stories.Count > listedEnd && more is not null)
        {
            text.Append('\n');
            TextWrapper.AppendWrapped(text, $"{BriefingWording.MoreStories(briefing.Stories.Count - listedEnd)}: {more}", Width, string.Empty, string.Empty);
        }

        if (includeEditorReport && briefing.Rejected.Count > 0)
        {
            AppendEditorReport(text, briefing.Rejected);
        }

        AppendFooter(text, links);
        return text.ToString();
    }

    private static void AppendStory(StringBuilder text, int number, Story story, bool full, int? maxSources)
    {
        var numberPrefix = $"{number}. ".PadRight(Indent.Length);
        TextWrapper.AppendWrapped(text, InlineText.Clean(story.Headline), Width, numberPrefix, Indent);
        if (!full)
        {
            AppendSources(text, story, maxSources);
            return;
        }

        // Each sentence names the outlet it was taken from (kept on one line: no-break spaces); the links are in the
        // sources line below.
        var summary = string.Join(' ', BriefingWording.CitedSentences(story)
            .Select(x => x.Source is null ? x.Sentence : $"{x.Sentence} [{BriefingWording.SourceName(x.Source).Replace(' ', '\u00A0')}]"));
        if (summary.Length > 0)
        {
            text.Append('\n');
            TextWrapper.AppendWrapped(text, summary, Width, Indent, Indent);
        }

        AppendSources(text, story, maxSources);
    }

    private static void AppendSources(StringBuilder text, Story story, int? maxSources)
    {
        if (story.Sources.Count > 0)
        {
            text.Append('\n');
            var (named, unnamed) = BriefingWording.NamedSources(story, maxSources);
            var sources = string.Join(", ", named.Select(Describe)) + (unnamed > 0 ? BriefingWording.MoreSources(unnamed) : string.Empty);
            TextWrapper.AppendWrapped(text, $"{BriefingWording.SourcesLabel} {sources}", Width, Indent, Indent);
        }
    }

    private static string Describe(StorySource source)
    {
        var name = BriefingWording.SourceName(source);
        var url = SafeLinks.Normalize(source.Url);
        return url is null ? name : $"{name} [{url}]";
    }

    private static void AppendEditorReport(StringBuilder text, IReadOnlyList<RejectedArticle> rejected)
    {
        text.Append('\n').Append(BriefingWording.EditorReportTitle.ToUpperInvariant()).Append('\n');
        TextWrapper.AppendWrapped(text, BriefingWording.EditorReportIntro, Width, string.Empty, string.Empty);
        foreach (var article in rejected)
        {
            TextWrapper.AppendWrapped(
                text, $"{InlineText.Clean(article.Article)}: {InlineText.Clean(article.Reason)}", Width, "- ", "  ");
        }
    }

    private static void AppendFooter(StringBuilder text, BriefingLinks links)
    {
        text.Append("\n-- \n");
        foreach (var line in new[] { links.FooterReason, links.PostalAddress })
        {
            var clean = InlineText.Clean(line);
            if (clean.Length > 0)
            {
                TextWrapper.AppendWrapped(text, clean, Width, string.Empty, string.Empty);
            }
        }

        var webView = SafeLinks.Normalize(links.WebViewUrl);
        if (webView is not null)
        {
            TextWrapper.AppendWrapped(text, $"{BriefingWording.ViewInBrowserFooter}: {webView}", Width, string.Empty, string.Empty);
        }

        var subscribe = SafeLinks.Normalize(links.SubscribeUrl);
        if (subscribe is not null && links.UnsubscribeUrl is null)
        {
            TextWrapper.AppendWrapped(text, $"{BriefingWording.Subscribe}: {subscribe}", Width, string.Empty, string.Empty);
        }

        var unsubscribe = SafeLinks.Normalize(links.UnsubscribeUrl);
        if (unsubscribe is not null)
        {
            TextWrapper.AppendWrapped(text, $"{BriefingWording.Unsubscribe}: {unsubscribe}", Width, string.Empty, string.Empty);
        }
    }
}
