using Digest.Briefings;

namespace Digest.Cli.Editorial;

/// <summary>One problem an editor would not sign: its kind, the story's number (1-based) and the text at fault.</summary>
public sealed record BriefingFinding(string Kind, int Story, string Text);

/// <summary>
/// Reads a briefing as a subscriber does and names what an editor would send back. Its rules are its own
/// (<see cref="ReaderWords"/>, <see cref="HeadlineReading"/>, <see cref="SentenceReading"/>, <see cref="SourceReading"/>):
/// it shares no code, word list or pattern with the story writer, so it measures the writer and can disagree with it.
/// </summary>
public static class BriefingCheck
{
    public const string SourceName = "source-name";
    public const string HeadlineClutter = "headline-clutter";
    public const string HeadlineCut = "headline-cut";
    public const string HeadlineDateline = "headline-dateline";
    public const string HeadlineOffStory = "headline-off-story";
    public const string Dangling = "dangling-reference";
    public const string UnnamedSpeaker = "unnamed-speaker";
    public const string Caption = "caption";
    public const string PageText = "page-text";
    public const string NearDuplicate = "near-duplicate";
    public const string NotEnglish = "not-english";

    /// <summary>The kinds, in the order they are reported.</summary>
    public static readonly IReadOnlyList<string> Kinds =
    [
        SourceName, HeadlineClutter, HeadlineCut, HeadlineDateline, HeadlineOffStory, Dangling, UnnamedSpeaker, Caption,
        PageText, NearDuplicate, NotEnglish,
    ];

    /// <summary>Kinds counted against headlines, sources and stories; the others against sentences.</summary>
    public static bool IsHeadlineKind(string kind) => kind is HeadlineClutter or HeadlineCut or HeadlineDateline or HeadlineOffStory;

    public static IReadOnlyList<BriefingFinding> Check(Briefing briefing)
    {
        var findings = new List<BriefingFinding>();
        for (var i = 0; i < briefing.Stories.Count; i++)
        {
            CheckStory(briefing.Stories[i], i + 1, findings);
        }

        return findings;
    }

    private static void CheckStory(Story story, int number, List<BriefingFinding> findings)
    {
        foreach (var source in story.Sources)
        {
            if (SourceReading.IsFileLikeName(source.Outlet, source.Article))
            {
                findings.Add(new BriefingFinding(SourceName, number, source.Outlet));
            }
        }

        if (HeadlineReading.Problem(story.Headline, story.Summary) is { } headlineKind)
        {
            findings.Add(new BriefingFinding(headlineKind, number, story.Headline));
        }

        var before = new List<string> { story.Headline };
        foreach (var sentence in story.Summary)
        {
            if (SentenceReading.Problem(sentence, before) is { } kind)
            {
                findings.Add(new BriefingFinding(kind, number, sentence));
            }

            before.Add(sentence);
        }

        for (var a = 0; a < story.Summary.Count; a++)
        {
            for (var b = a + 1; b < story.Summary.Count; b++)
            {
                if (SentenceReading.SayTheSame(story.Summary[a], story.Summary[b]))
                {
                    findings.Add(new BriefingFinding(NearDuplicate, number, story.Summary[a] + " | " + story.Summary[b]));
                }
            }
        }

        var whole = story.Headline + " " + string.Join(' ', story.Summary);
        if (ReaderWords.Of(whole).Count >= 12 && ReaderWords.EnglishShare(whole) < 0.12)
        {
            findings.Add(new BriefingFinding(NotEnglish, number, story.Headline));
        }
    }
}
