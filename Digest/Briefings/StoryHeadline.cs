using Digest.Briefings.Grouping;

namespace Digest.Briefings;

/// <summary>
/// Chooses a story's headline. A real title of one of its sources, when that title is shaped like a headline (a
/// whole line of words, not page furniture, not shouted, not cut) and states this story's news: it shares the key
/// names and words of the story's lead. Otherwise a whole, headline-length statement of the lead itself.
/// </summary>
internal static class StoryHeadline
{
    private const int MinTitleWords = 4;
    private const int MaxTitleWords = 30;

    public static string Choose(IReadOnlyList<string?> titles, IReadOnlyList<HashSet<string>> sourceStems, IReadOnlyList<string> lead, IEnumerable<string> fallbackLeads)
    {
        var leadStems = lead.Count == 0 ? [] : new HashSet<string>(SummaryTerms.ContentStems(lead[0]));
        var storyStems = new HashSet<string>(lead.SelectMany(SummaryTerms.ContentStems));
        var leadNames = lead.Count == 0 ? [] : StoryText.NameStems(lead[0]);
        var best = titles
            .Select((title, index) => (title, index))
            .Where(x => !string.IsNullOrWhiteSpace(x.title))
            .Select(x => (Title: StoryText.WithoutWireTag(StoryText.WithoutDateline(x.title!.Trim())), x.index))
            .Where(x => IsHeadlineShaped(x.Title))
            .Select(x => (x.Title, x.index, stems: new HashSet<string>(SummaryTerms.ContentStems(x.Title))))
            .Where(x => lead.Count == 0 || StatesTheNews(x.stems, leadStems, leadNames, storyStems))
            .Select(x => (x.Title, x.index, explainer: StoryText.IsExplainerTitle(x.Title), centrality: Centrality(x.stems, x.index, sourceStems), onLead: Share(x.stems, storyStems)))
            .OrderBy(x => x.explainer)
            .ThenByDescending(x => x.centrality + x.onLead)
            .ThenBy(x => x.index)
            .Select(x => x.Title)
            .FirstOrDefault();
        // Made from the lead, then the other leads: never from text that is page furniture or shouted.
        var statements = lead.Concat(fallbackLeads.Select(StoryText.Clean))
            .Where(t => !StoryText.IsPageText(t) && !StoryText.IsCaption(t) && !IsShouted(t.Split(' ', StringSplitOptions.RemoveEmptyEntries)));
        return best ?? StoryText.HeadlineFrom(statements) ?? StoryText.HeadlineFrom(lead.Concat(fallbackLeads)) ?? "Untitled story";
    }

    /// <summary>
    /// A line a reader takes for a headline: four to 30 words, opening with a letter, a digit or a quote, no
    /// ellipsis or dangling end, not shouted (two capitalised words in a row, or a long word in capitals, inside a
    /// mixed-case line: a kicker or two headlines glued), mostly words rather than figures or symbols.
    /// </summary>
    public static bool IsHeadlineShaped(string title)
    {
        var words = title.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length is < MinTitleWords or > MaxTitleWords || title.Any(char.IsControl))
        {
            return false;
        }

        var first = title[0];
        if (!(char.IsLetterOrDigit(first) || first is '"' or '“' or '‘' or '\''))
        {
            return false;
        }

        if (title.EndsWith('…') || title.EndsWith("...", StringComparison.Ordinal) || title.EndsWith(',') || title.EndsWith(':') || EndsOnFunctionWord(title))
        {
            return false;
        }

        var letters = title.Count(char.IsLetter);
        if (letters * 2 < title.Length)
        {
            return false;
        }

        return !IsShouted(words) && !StoryText.IsPageText(title);
    }

    /// <summary>A line that stops on "of", "the", "and" ... was cut; a headline may end on "says".</summary>
    private static bool EndsOnFunctionWord(string title)
    {
        var last = title.TrimEnd('.', '!', '?', ' ').Split(' ')[^1].ToLowerInvariant();
        return last is "a" or "an" or "the" or "of" or "to" or "and" or "or" or "but" or "with" or "for" or "in" or "on" or "at" or "by" or "from" or "as" or "that" or "his" or "her" or "their" or "its";
    }

    /// <summary>Capitals inside a mixed-case line: <c>THE SHOCKING and tragic ...</c>, <c>... for $20 MILLION</c>.</summary>
    private static bool IsShouted(string[] words)
    {
        var bare = words.Select(w => new string(w.Where(char.IsLetter).ToArray())).ToArray();
        var capitals = bare.Select(w => w.Length >= 2 && w.All(char.IsUpper)).ToArray();
        if (capitals.All(c => c) || bare.Any(w => w.Length > 0 && w.Any(char.IsLower)) is false)
        {
            return false; // an all-capitals title is a style, not a kicker
        }

        for (var i = 0; i < bare.Length; i++)
        {
            if (capitals[i] && (bare[i].Length >= 5 || (i + 1 < bare.Length && capitals[i + 1] && bare[i].Length >= 3 && bare[i + 1].Length >= 3)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The title states the story's news: it names someone or something the lead names (a capitalised name or a
    /// figure), or shares two of the lead's content words, and shares words with the story's sentences at all.
    /// </summary>
    private static bool StatesTheNews(HashSet<string> title, HashSet<string> lead, HashSet<string> leadNames, HashSet<string> story)
    {
        var onLead = title.Count(lead.Contains);
        var onNames = title.Count(leadNames.Contains);
        return (onNames >= 1 && onLead >= 2) || onLead >= 3 || (onNames >= 2) ||
               (title.Count(story.Contains) >= 3 && onLead >= 1);
    }

    private static double Share(HashSet<string> title, HashSet<string> story) =>
        title.Count == 0 ? 0 : title.Count(story.Contains) / (double)title.Count;

    private static double Centrality(HashSet<string> title, int source, IReadOnlyList<HashSet<string>> texts)
    {
        if (texts.Count == 1 || title.Count == 0)
        {
            return 0;
        }

        return texts.Where((_, i) => i != source).Average(text => title.Count(text.Contains) / (double)title.Count);
    }
}
