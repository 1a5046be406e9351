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

    /// <summary>
    /// A story's sentences, each with the source it was taken from (null when the briefing does not say, as in
    /// briefings made before sentences were cited, or when the recorded index is not one of the story's sources).
    /// </summary>
    public static IEnumerable<(string Sentence, StorySource? Source)> CitedSentences(Story story)
    {
        for (var i = 0; i < story.Summary.Count; i++)
        {
            var sentence = InlineText.Clean(story.Summary[i]);
            if (sentence.Length == 0)
            {
                continue;
            }

            var index = i < story.Citations.Count ? story.Citations[i] : -1;
            yield return (sentence, index >= 0 && index < story.Sources.Count ? story.Sources[index] : null);
        }
    }

    /// <summary>The anchor of the story at <paramref name="index"/> (0-based) in its briefing: "story-1", "story-2" ...</summary>
    public static string StoryAnchor(int index) => "story-" + (index + 1).ToString(CultureInfo.InvariantCulture);

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

    /// <summary>"309 more stories in today's web edition".</summary>
    public static string MoreStories(int count) => $"{Plural(count, "more story", "more stories")} in today's web edition";

    /// <summary>", and 12 more" after the sources named.</summary>
    public static string MoreSources(int count) => $" and {count.ToString(CultureInfo.InvariantCulture)} more";

    /// <summary>The sources a copy names under a story, and how many it leaves unnamed.</summary>
    public static (IReadOnlyList<StorySource> Named, int Unnamed) NamedSources(Story story, int? max) =>
        max is { } limit && story.Sources.Count > limit ? (story.Sources.Take(limit).ToArray(), story.Sources.Count - limit) : (story.Sources, 0);

    public const string MoreStoriesTitle = "More stories";

    public const string Brand = "Digest";

    public const string SourcesLabel = "Sources:";

    public const string EditorReportTitle = "Set aside for editors";

    public const string EditorReportIntro = "These articles could not be read and are not in the briefing:";

    public const string ViewInBrowser = "View in browser";

    public const string ViewInBrowserFooter = "Read this briefing in your browser";

    public const string SubscribeInvitation = "Get Digest's daily briefing in your inbox every morning: one short email, every story with its sources.";

    public const string Subscribe = "Subscribe by email";

    public const string LinkToStory = "Link to this story";

    public const string Unsubscribe = "Unsubscribe";

    private static string Plural(int count, string one, string many) =>
        count == 1 ? $"1 {one}" : $"{count.ToString(CultureInfo.InvariantCulture)} {many}";
}
