using System.Globalization;

namespace Digest.Briefings.Rendering;

/// <summary>The words both renderings share, so the HTML and plain-text copies say the same thing.</summary>
internal static class BriefingWording
{
    /// <summary>"Friday, November 20, 2026".</summary>
    public static string LongDate(DateOnly date) => date.ToString("dddd, MMMM d, yyyy", CultureInfo.InvariantCulture);

    /// <summary>"3 stories from 7 articles".</summary>
    public static string Counts(Briefing briefing) =>
        $"{Plural(briefing.Stories.Count, "story", "stories")} from {Plural(briefing.ArticleCount, "article", "articles")}";

    /// <summary>The hidden preview line: the top headline and how many stories there are.</summary>
    public static string Preheader(Briefing briefing)
    {
        if (briefing.Stories.Count == 0)
        {
            return "No stories today";
        }

        var headline = InlineText.Clean(briefing.Stories[0].Headline);
        var others = briefing.Stories.Count - 1;
        return others == 0 ? $"{headline} (1 story today)" : $"{headline} and {Plural(others, "more story", "more stories")}";
    }

    /// <summary>A story's summary sentences as one paragraph.</summary>
    public static string Summary(Story story) =>
        string.Join(' ', story.Summary.Select(InlineText.Clean).Where(sentence => sentence.Length > 0));

    /// <summary>How a source is named: its outlet, else its article name, never empty.</summary>
    public static string SourceName(StorySource source)
    {
        var outlet = InlineText.Clean(source.Outlet);
        if (outlet.Length > 0)
        {
            return outlet;
        }

        var article = InlineText.Clean(source.Article);
        return article.Length > 0 ? article : "Unnamed source";
    }

    public const string Brand = "Digest";

    public const string SourcesLabel = "Sources:";

    public const string EditorReportTitle = "Set aside for editors";

    public const string EditorReportIntro = "These articles could not be read and are not in the briefing:";

    public const string ViewInBrowser = "View in browser";

    public const string Unsubscribe = "Unsubscribe";

    private static string Plural(int count, string one, string many) =>
        count == 1 ? $"1 {one}" : $"{count.ToString(CultureInfo.InvariantCulture)} {many}";
}
