namespace Digest.Cli.Editorial;

/// <summary>
/// What a reader sees wrong with a headline: page clutter (a label, a player button, a credit, a date, shouting),
/// a cut (it stops on a little word, a comma or an ellipsis, or it is the opening of a summary sentence stopped before
/// its verb), a dateline or wire tag kept, or a headline about something the story's sentences do not tell.
/// </summary>
internal static class HeadlineReading
{
    private static readonly string[] Months =
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    public static string? Problem(string headline, IReadOnlyList<string> summary)
    {
        var text = headline.Trim();
        if (IsDatelined(text))
        {
            return BriefingCheck.HeadlineDateline;
        }

        if (IsClutter(text))
        {
            return BriefingCheck.HeadlineClutter;
        }

        if (IsCut(text, summary))
        {
            return BriefingCheck.HeadlineCut;
        }

        return IsOffStory(text, summary) ? BriefingCheck.HeadlineOffStory : null;
    }

    /// <summary><c>(CNN) In a sign ...</c>, <c>WASHINGTON — ...</c>, <c>LONDON, England ...</c>, <c>Abu Dhabi: The record drop ...</c>.</summary>
    private static bool IsDatelined(string text)
    {
        if (text.StartsWith('('))
        {
            var close = text.IndexOf(')');
            return close is > 1 and < 32;
        }

        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length < 3)
        {
            return false;
        }

        var first = new string(words[0].Where(char.IsLetter).ToArray());
        if (first.Length >= 3 && first.All(char.IsUpper) && (words[0].EndsWith(',') || words[1] is "—" or "--" or "-" or "–" || words[1].StartsWith('(')))
        {
            return true;
        }

        // A place (and an agency in brackets) before a dash: "Port Calder, Oregon (Wire) -- Overnight storms ..."
        var dash = Array.FindIndex(words, w => w is "--" or "—" or "–");
        if (dash is > 0 and <= 6 && words.Take(dash).All(w => char.IsUpper(w.TrimStart('(')[0])))
        {
            return true;
        }

        // A place of one to three capitalised words, a colon, then a sentence: "Abu Dhabi: The record drop ..."
        for (var i = 0; i < Math.Min(3, words.Length - 1); i++)
        {
            if (!char.IsUpper(words[i][0]))
            {
                break;
            }

            if (words[i].EndsWith(':'))
            {
                var next = words[i + 1];
                return next is "The" or "A" or "An" && i + 2 < words.Length && char.IsLower(words[i + 2][0]);
            }
        }

        return false;
    }

    private static bool IsClutter(string text)
    {
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length < 4 || !(char.IsLetterOrDigit(text[0]) || text[0] is '"' or '“' or '‘' or '\''))
        {
            return true;
        }

        // A UI toggle says the same word twice in a few words: "Hide Transcript Show Transcript".
        var lower = words.Select(w => new string(w.Where(char.IsLetter).ToArray()).ToLowerInvariant()).Where(w => w.Length > 2).ToList();
        if (words.Length <= 6 && lower.Count != lower.Distinct().Count())
        {
            return true;
        }

        // A date line: a month and a year in a few words, without a word of news ("Uploaded on Aug 6, 2015").
        if (words.Length <= 7 && lower.Any(w => Months.Any(m => w.StartsWith(m, StringComparison.Ordinal))) &&
            words.Any(w => w.Trim(',', '.').Length == 4 && w.Trim(',', '.').All(char.IsDigit)))
        {
            return true;
        }

        // Shouting inside a mixed-case line: a kicker or two headlines glued ("... Sues Club for $20 MILLION").
        var letters = words.Select(w => new string(w.Where(char.IsLetter).ToArray())).ToList();
        var mixed = letters.Any(w => w.Any(char.IsLower));
        for (var i = 0; mixed && i < letters.Count; i++)
        {
            var caps = letters[i].Length >= 3 && letters[i].All(char.IsUpper);
            if (caps && (letters[i].Length >= 6 || (i + 1 < letters.Count && letters[i + 1].Length >= 3 && letters[i + 1].All(char.IsUpper))))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsCut(string text, IReadOnlyList<string> summary)
    {
        if (text.EndsWith('…') || text.EndsWith("...", StringComparison.Ordinal) || text[^1] is ',' or ';' or ':' or '-' or '—' or '–')
        {
            return true;
        }

        var words = ReaderWords.Of(text);
        if (words.Count > 0 && ReaderWords.IsFunctionWord(words[^1]) && words[^1] is not ("said" or "says" or "up" or "out" or "over" or "in" or "on"))
        {
            return true;
        }

        // A gerund left waiting for its object after a preposition: "... the possibility of meeting".
        if (words.Count > 2 && words[^1].EndsWith("ing", StringComparison.Ordinal) && words[^2] is "of" or "to" or "about" or "for" or "from")
        {
            return true;
        }

        // The opening of one of the story's sentences, stopped where its predicate or object begins.
        var bare = text.TrimEnd('.', ' ');
        foreach (var sentence in summary)
        {
            var at = sentence.IndexOf(bare, StringComparison.OrdinalIgnoreCase);
            if (at < 0 || at > 40 || at + bare.Length >= sentence.Length - 1)
            {
                continue;
            }

            var rest = sentence[(at + bare.Length)..].TrimStart(',', ' ');
            var restWords = ReaderWords.Of(rest);
            if (restWords.Count <= 4 && !restWords.Any(w => w is "said" or "says" or "according" or "reported" or "reports" or "told"))
            {
                return true; // the sentence's last words were dropped
            }

            var next = rest.Split(' ', 2)[0].ToLowerInvariant();
            if (next is "is" or "are" or "was" or "were" or "has" or "have" or "had" or "will" or "would" or "to" or "that" or "be" or "by" or "of" or "with" ||
                (next.Length > 3 && next.EndsWith("ed", StringComparison.Ordinal) && char.IsLower(rest[0])) || !HasVerb(bare))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A lower-case word that reads as a verb: a form of be/have/do/say, a modal, or a past form in -ed.</summary>
    private static bool HasVerb(string text) =>
        text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(w => w.Trim(',', '.', '"', '”', '’').ToLowerInvariant())
            .Any(w => w is "is" or "are" or "was" or "were" or "has" or "have" or "had" or "will" or "would" or "could" or "can" or "may" or "might"
                or "said" or "says" or "did" or "does" or "must" or "should" || (w.Length > 4 && (w.EndsWith("ed", StringComparison.Ordinal) || w.EndsWith("es", StringComparison.Ordinal))) ||
                (w.Length > 3 && w.EndsWith('s') && !w.EndsWith("ss", StringComparison.Ordinal)));

    /// <summary>The headline and the story's sentences share fewer than two meaningful words (or under a third of the headline's).</summary>
    private static bool IsOffStory(string text, IReadOnlyList<string> summary)
    {
        if (summary.Count == 0)
        {
            return false;
        }

        var headline = ReaderWords.Content(text);
        var story = summary.SelectMany(ReaderWords.Content).ToHashSet(StringComparer.Ordinal);
        var shared = headline.Count(story.Contains);
        return headline.Count > 0 && (shared < 2 || shared * 3 < headline.Count);
    }
}
