using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace Digest.Briefings.Rendering;

/// <summary>
/// Renders a briefing as an email-safe HTML document: table layout, inline styles only, no scripts and no external
/// resources, 600px wide at most and fluid below; fixed table layout and word breaking keep an unbroken word (a long
/// URL, say) from widening the email on a phone. Every piece of article text and every URL is HTML-encoded, and only
/// http and https URLs become links. The same document, without the unsubscribe link, is the stored web copy.
/// </summary>
public static class BriefingHtmlRenderer
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private const string Font = "font-family:Helvetica,Arial,sans-serif;";
    private const string PageBackground = "#f4f4f5";
    private const string CellStyle = Font + "padding:16px 24px;border-top:1px solid #e4e4e7;";
    private const string LinkStyle = "color:#1d4ed8;text-decoration:underline;";
    private const string SmallText = "font-size:13px;line-height:1.5;color:#52525b;";
    private const string SmallParagraphStyle = "margin:0 0 8px;" + SmallText;
    private const string SmallLineStyle = "margin:0;" + SmallText;

    /// <summary>Renders <paramref name="briefing"/> as a complete HTML document.</summary>
    /// <param name="briefing">The day's briefing.</param>
    /// <param name="links">Web view and unsubscribe links and the footer lines.</param>
    /// <param name="includeEditorReport">
    /// Adds the list of articles that were set aside. That list is for editors: leave it out of subscriber email.
    /// </param>
    public static string Render(Briefing briefing, BriefingLinks links, bool includeEditorReport = false)
    {
        ArgumentNullException.ThrowIfNull(briefing);
        ArgumentNullException.ThrowIfNull(links);

        var html = new StringBuilder(8 * 1024);
        var date = BriefingWording.LongDate(briefing.Date);
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n")
            .Append("<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<meta name=\"color-scheme\" content=\"light dark\">\n")
            .Append("<meta name=\"supported-color-schemes\" content=\"light dark\">\n")
            .Append("<title>").Append(Encode($"{BriefingWording.Brand}: {date}")).Append("</title>\n")
            .Append("</head>\n")
            .Append("<body style=\"margin:0;padding:0;background-color:").Append(PageBackground).Append(";\">\n")
            .Append("<div style=\"display:none;max-height:0;overflow:hidden;mso-hide:all;font-size:1px;line-height:1px;opacity:0;\">")
            .Append(Encode(BriefingWording.Preheader(briefing))).Append("</div>\n")
            .Append("<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\" style=\"table-layout:fixed;background-color:")
            .Append(PageBackground).Append(";\">\n<tr><td align=\"center\" style=\"padding:16px 8px;\">\n")
            // Outlook for Windows ignores max-width: a fixed 600px table, visible to Outlook only, holds the width there.
            .Append("<!--[if mso]><table role=\"presentation\" width=\"600\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\"><tr><td><![endif]-->\n")
            .Append("<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\" style=\"width:100%;max-width:600px;table-layout:fixed;background-color:#ffffff;color:#18181b;word-wrap:break-word;overflow-wrap:break-word;word-break:break-word;\">\n");

        AppendHeader(html, briefing, date, links);
        var edition = links.Edition ?? new BriefingEdition(0, briefing.Stories.Count);
        var (start, fullEnd, listedEnd) = edition.Range(briefing.Stories.Count);
        for (var i = start; i < fullEnd; i++)
        {
            AppendStory(html, briefing.Stories[i], i, links, edition.MaxSources);
        }

        if (listedEnd > fullEnd)
        {
            AppendList(html, briefing, fullEnd, listedEnd, edition.MaxSources);
        }

        AppendMore(html, briefing.Stories.Count - listedEnd, edition);

        if (includeEditorReport && briefing.Rejected.Count > 0)
        {
            AppendEditorReport(html, briefing.Rejected);
        }

        AppendSubscribeBox(html, links);
        AppendFooter(html, links);
        html.Append("</table>\n<!--[if mso]></td></tr></table><![endif]-->\n</td></tr>\n</table>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static void AppendHeader(StringBuilder html, Briefing briefing, string date, BriefingLinks links)
    {
        html.Append("<tr><td style=\"").Append(Font).Append("padding:24px 24px 16px;\">\n")
            .Append("<p style=\"margin:0 0 4px;font-size:13px;font-weight:bold;letter-spacing:1px;text-transform:uppercase;color:#52525b;\">")
            .Append(BriefingWording.Brand).Append("</p>\n")
            .Append("<h1 style=\"margin:0 0 8px;font-size:24px;line-height:1.3;\">").Append(Encode(date)).Append("</h1>\n")
            .Append("<p style=\"").Append(SmallLineStyle).Append("\">").Append(Encode(BriefingWording.Counts(briefing)));
        var webView = SafeLinks.Normalize(links.WebViewUrl);
        if (webView is not null)
        {
            html.Append(" &middot; ");
            AppendLink(html, webView, BriefingWording.ViewInBrowser, title: null);
        }

        html.Append("</p>\n");
        AppendNavigation(html, links.Navigation);
        html.Append("</td></tr>\n");
    }

    private static void AppendNavigation(StringBuilder html, IReadOnlyList<NavigationLink> navigation)
    {
        var safe = navigation.Select(link => (link, url: SafeLinks.Normalize(link.Url))).Where(x => x.url is not null).ToArray();
        if (safe.Length == 0)
        {
            return;
        }

        html.Append("<nav aria-label=\"Briefings\"><p style=\"margin:8px 0 0;").Append(SmallText).Append("\">");
        for (var i = 0; i < safe.Length; i++)
        {
            if (i > 0)
            {
                html.Append(" &middot; ");
            }

            html.Append("<a href=\"").Append(Encode(safe[i].url!)).Append('"');
            if (safe[i].link.Relation is { } relation)
            {
                html.Append(" rel=\"").Append(Encode(relation)).Append('"');
            }

            html.Append(" style=\"").Append(LinkStyle).Append("\">").Append(Encode(safe[i].link.Text)).Append("</a>");
        }

        html.Append("</p></nav>\n");
    }

    /// <summary>The stories after the full ones: headline and sources each, numbered by rank, each with its anchor.</summary>
    private static void AppendList(StringBuilder html, Briefing briefing, int start, int end, int? maxSources)
    {
        html.Append("<tr><td style=\"").Append(CellStyle).Append("\">\n")
            .Append("<h2 style=\"margin:0 0 8px;font-size:16px;line-height:1.3;\">").Append(BriefingWording.MoreStoriesTitle).Append("</h2>\n")
            .Append("<ol start=\"").Append(start + 1).Append("\" style=\"margin:0;padding-left:28px;font-size:15px;line-height:1.4;\">\n");
        for (var i = start; i < end; i++)
        {
            var story = briefing.Stories[i];
            html.Append("<li id=\"").Append(BriefingWording.StoryAnchor(i)).Append("\" style=\"margin:0 0 8px;\">")
                .Append(Encode(InlineText.Clean(story.Headline)));
            if (story.Sources.Count > 0)
            {
                html.Append("<br><span style=\"").Append(SmallText).Append("\">");
                AppendSources(html, story, maxSources);
                html.Append("</span>");
            }

            html.Append("</li>\n");
        }

        html.Append("</ol>\n</td></tr>\n");
    }

    /// <summary>"N more stories in today's web edition", linked, and the links to the edition's other pages.</summary>
    private static void AppendMore(StringBuilder html, int remaining, BriefingEdition edition)
    {
        var more = SafeLinks.Normalize(edition.MoreStoriesUrl);
        var pages = edition.Pages.Select(link => (link, url: SafeLinks.Normalize(link.Url))).Where(x => x.url is not null).ToArray();
        if ((remaining <= 0 || more is null) && pages.Length == 0)
        {
            return;
        }

        html.Append("<tr><td style=\"").Append(CellStyle).Append("\">\n<p style=\"margin:0;font-size:16px;line-height:1.5;\">");
        if (remaining > 0 && more is not null)
        {
            AppendLink(html, more, BriefingWording.MoreStories(remaining), title: null);
        }

        for (var i = 0; i < pages.Length; i++)
        {
            if (i > 0 || (remaining > 0 && more is not null))
            {
                html.Append(" &middot; ");
            }

            html.Append("<a href=\"").Append(Encode(pages[i].url!)).Append('"');
            if (pages[i].link.Relation is { } relation)
            {
                html.Append(" rel=\"").Append(Encode(relation)).Append('"');
            }

            html.Append(" style=\"").Append(LinkStyle).Append("\">").Append(Encode(pages[i].link.Text)).Append("</a>");
        }

        html.Append("</p>\n</td></tr>\n");
    }

    private static void AppendSources(StringBuilder html, Story story, int? maxSources)
    {
        html.Append(BriefingWording.SourcesLabel).Append(' ');
        var (named, unnamed) = BriefingWording.NamedSources(story, maxSources);
        for (var i = 0; i < named.Count; i++)
        {
            if (i > 0)
            {
                html.Append(", ");
            }

            AppendSource(html, named[i]);
        }

        if (unnamed > 0)
        {
            html.Append(Encode(BriefingWording.MoreSources(unnamed)));
        }
    }

    private static void AppendStory(StringBuilder html, Story story, int index, BriefingLinks links, int? maxSources)
    {
        var anchor = BriefingWording.StoryAnchor(index);
        html.Append("<tr><td style=\"").Append(CellStyle).Append("\">\n")
            .Append("<h2 id=\"").Append(anchor).Append("\" style=\"margin:0 0 8px;font-size:20px;line-height:1.3;\">").Append(Encode(InlineText.Clean(story.Headline))).Append("</h2>\n");
        var sentences = BriefingWording.CitedSentences(story).ToArray();
        if (sentences.Length > 0)
        {
            html.Append("<p style=\"margin:0 0 8px;font-size:16px;line-height:1.5;\">");
            for (var i = 0; i < sentences.Length; i++)
            {
                if (i > 0)
                {
                    html.Append(' ');
                }

                html.Append(Encode(sentences[i].Sentence));
                if (sentences[i].Source is { } source)
                {
                    AppendCitation(html, source);
                }
            }

            html.Append("</p>\n");
        }

        if (story.Sources.Count > 0)
        {
            html.Append("<p style=\"").Append(SmallLineStyle).Append("\">");
            AppendSources(html, story, maxSources);
            html.Append("</p>\n");
        }

        var permalink = SafeLinks.Normalize(links.PermalinkUrl is null ? null : $"{links.PermalinkUrl}#{anchor}");
        if (permalink is not null)
        {
            html.Append("<p style=\"margin:8px 0 0;").Append(SmallText).Append("\">");
            AppendLink(html, permalink, BriefingWording.LinkToStory, title: null);
            html.Append("</p>\n");
        }

        html.Append("</td></tr>\n");
    }

    /// <summary>
    /// After a sentence, the outlet it was taken from in small brackets, linked to that outlet's article when the
    /// article has an http or https URL: a reader can check any sentence in one click.
    /// </summary>
    private static void AppendCitation(StringBuilder html, StorySource source)
    {
        html.Append(" <span style=\"font-size:13px;line-height:1;color:#52525b;white-space:nowrap;\">[");
        var outlet = BriefingWording.SourceName(source);
        var url = SafeLinks.Normalize(source.Url);
        if (url is null)
        {
            html.Append(Encode(outlet));
        }
        else
        {
            var title = InlineText.Clean(source.Title);
            AppendLink(html, url, outlet, title.Length > 0 ? $"Source: {title}" : "Source of this sentence");
        }

        html.Append("]</span>");
    }

    /// <summary>The web copy's invitation to subscribe (never in the email, which its reader already gets).</summary>
    private static void AppendSubscribeBox(StringBuilder html, BriefingLinks links)
    {
        var subscribe = SafeLinks.Normalize(links.SubscribeUrl);
        if (subscribe is null || links.UnsubscribeUrl is not null)
        {
            return;
        }

        html.Append("<tr><td style=\"").Append(CellStyle).Append("background-color:#eff6ff;\">\n")
            .Append("<p style=\"margin:0 0 12px;font-size:16px;line-height:1.5;\">").Append(Encode(BriefingWording.SubscribeInvitation)).Append("</p>\n")
            .Append("<p style=\"margin:0;\"><a href=\"").Append(Encode(subscribe))
            .Append("\" style=\"display:inline-block;padding:10px 18px;background-color:#1d4ed8;color:#ffffff;font-weight:bold;text-decoration:none;border-radius:4px;\">")
            .Append(Encode(BriefingWording.Subscribe)).Append("</a></p>\n</td></tr>\n");
    }

    private static void AppendSource(StringBuilder html, StorySource source)
    {
        var outlet = BriefingWording.SourceName(source);
        var url = SafeLinks.Normalize(source.Url);
        if (url is null)
        {
            html.Append(Encode(outlet));
            return;
        }

        var title = InlineText.Clean(source.Title);
        AppendLink(html, url, outlet, title.Length > 0 ? title : null);
    }

    private static void AppendEditorReport(StringBuilder html, IReadOnlyList<RejectedArticle> rejected)
    {
        html.Append("<tr><td style=\"").Append(CellStyle).Append("\">\n")
            .Append("<h2 style=\"margin:0 0 8px;font-size:16px;line-height:1.3;\">").Append(BriefingWording.EditorReportTitle).Append("</h2>\n")
            .Append("<p style=\"").Append(SmallParagraphStyle).Append("\">").Append(BriefingWording.EditorReportIntro).Append("</p>\n")
            .Append("<ul style=\"margin:0;padding-left:20px;").Append(SmallText).Append("\">\n");
        foreach (var article in rejected)
        {
            html.Append("<li><strong>").Append(Encode(InlineText.Clean(article.Article))).Append("</strong>: ")
                .Append(Encode(InlineText.Clean(article.Reason))).Append("</li>\n");
        }

        html.Append("</ul>\n</td></tr>\n");
    }

    private static void AppendFooter(StringBuilder html, BriefingLinks links)
    {
        html.Append("<tr><td style=\"").Append(CellStyle).Append("padding-bottom:24px;\">\n");
        AppendSmallParagraph(html, links.FooterReason);
        AppendSmallParagraph(html, links.PostalAddress);
        var webView = SafeLinks.Normalize(links.WebViewUrl);
        if (webView is not null)
        {
            html.Append("<p style=\"").Append(SmallParagraphStyle).Append("\">");
            AppendLink(html, webView, BriefingWording.ViewInBrowserFooter, title: null);
            html.Append("</p>\n");
        }

        var unsubscribe = SafeLinks.Normalize(links.UnsubscribeUrl);
        if (unsubscribe is not null)
        {
            html.Append("<p style=\"").Append(SmallParagraphStyle).Append("\">");
            AppendLink(html, unsubscribe, BriefingWording.Unsubscribe, title: null);
            html.Append("</p>\n");
        }

        html.Append("</td></tr>\n");
    }

    private static void AppendSmallParagraph(StringBuilder html, string? text)
    {
        var clean = InlineText.Clean(text);
        if (clean.Length > 0)
        {
            html.Append("<p style=\"").Append(SmallParagraphStyle).Append("\">").Append(Encode(clean)).Append("</p>\n");
        }
    }

    /// <summary>Appends a link; <paramref name="url"/> must come from <see cref="SafeLinks.Normalize"/>.</summary>
    private static void AppendLink(StringBuilder html, string url, string text, string? title)
    {
        html.Append("<a href=\"").Append(Encode(url)).Append('"');
        if (title is not null)
        {
            html.Append(" title=\"").Append(Encode(title)).Append('"');
        }

        html.Append(" style=\"").Append(LinkStyle).Append("\">").Append(Encode(text)).Append("</a>");
    }

    private static string Encode(string text) => Encoder.Encode(text);
}
