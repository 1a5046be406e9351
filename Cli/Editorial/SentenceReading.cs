namespace Digest.Cli.Editorial;

/// <summary>
/// What a reader cannot use in a story sentence: a reference to someone or something the story has not introduced
/// (a pronoun, a bare surname, "the" + a thing not yet named, a connective), a quote whose speaker is only "he" or
/// "she", a photo caption, page text addressed to the reader; and two sentences that say the same thing.
/// </summary>
internal static class SentenceReading
{
    private static readonly HashSet<string> Speech = new(StringComparer.Ordinal)
    {
        "said", "says", "told", "tells", "added", "adds", "explained", "wrote", "noted", "recalled", "continued", "insisted", "argued", "warned",
    };

    public static string? Problem(string sentence, IReadOnlyList<string> before)
    {
        var words = sentence.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
        {
            return BriefingCheck.PageText;
        }

        var lowered = ReaderWords.Of(sentence);
        if (lowered.Contains("pictured") || lowered.Contains("pictures") && lowered.IndexOf("pictures") < 3 ||
            (lowered.Count > 3 && lowered[0] is "in" or "this" && lowered.Take(10).Any(w => w is "photo" or "image" or "still" or "picture" or "photograph" or "file")) ||
            sentence.Contains(", left,", StringComparison.Ordinal) || sentence.Contains(", right,", StringComparison.Ordinal))
        {
            return BriefingCheck.Caption;
        }

        if (AddressesReader(sentence))
        {
            return BriefingCheck.PageText;
        }

        if (HasUnnamedSpeaker(sentence, before))
        {
            return BriefingCheck.UnnamedSpeaker;
        }

        var first = words[0].Trim('"', '“', '‘', '(').ToLowerInvariant();
        if (first is "he" or "she" or "they" or "it" or "his" or "her" or "their" or "its" or "him" or "them" or "but" or "and" or "so" or "yet" or "however" or "also" or "meanwhile" ||
            (first is "this" or "that" or "these" or "those" or "such" && words.Length > 1 && char.IsLower(words[1][0])))
        {
            return BriefingCheck.Dangling;
        }

        return BareName(words, sentence, before) || UnintroducedThing(words, before) ? BriefingCheck.Dangling : null;
    }

    /// <summary>Two sentences say the same: half the shorter one's meaningful words (three or more), or one figure and two words.</summary>
    public static bool SayTheSame(string a, string b)
    {
        var wa = ReaderWords.Content(a);
        var wb = ReaderWords.Content(b);
        var common = wa.Where(wb.Contains).ToList();
        if (common.Count >= 3 && common.Count * 2 >= Math.Min(wa.Count, wb.Count))
        {
            return true;
        }

        var figures = common.Count(w => w.All(char.IsDigit) && !(w.Length == 4 && w[0] is '1' or '2'));
        return figures >= 1 && common.Count - figures >= 2;
    }

    /// <summary>"you" or "your" outside quotation marks: the page talking to its visitor, not news.</summary>
    private static bool AddressesReader(string sentence)
    {
        var inQuote = false;
        var outside = new System.Text.StringBuilder();
        foreach (var c in sentence)
        {
            if (c is '"' or '“' or '”')
            {
                inQuote = c == '“' || (c == '"' && !inQuote);
                continue;
            }

            if (!inQuote)
            {
                outside.Append(c);
            }
        }

        var words = ReaderWords.Of(outside.ToString());
        return words.Any(w => w is "you" or "your" or "you're" or "you’re");
    }

    /// <summary>A closing quote followed by "he/she/they" and a verb of saying, with no full name here or just before.</summary>
    private static bool HasUnnamedSpeaker(string sentence, IReadOnlyList<string> before)
    {
        var words = sentence.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i + 1 < words.Length; i++)
        {
            var closesQuote = words[i].EndsWith('"') || words[i].EndsWith('”') || words[i].EndsWith("”,", StringComparison.Ordinal) || words[i].EndsWith("\",", StringComparison.Ordinal);
            var pronoun = words[i + 1].ToLowerInvariant() is "he" or "she" or "they";
            if (closesQuote && pronoun && i + 2 < words.Length && Speech.Contains(words[i + 2].Trim('.', ',').ToLowerInvariant()))
            {
                return !HasFullName(sentence) && (before.Count == 0 || !HasFullName(before[^1]));
            }
        }

        return false;
    }

    /// <summary>Two capitalised words in a row after the first word: a person's full name (or a named body).</summary>
    private static bool HasFullName(string text)
    {
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 1; i + 1 < words.Length; i++)
        {
            if (IsCapitalised(words[i]) && IsCapitalised(words[i + 1]))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsCapitalised(string word)
    {
        var w = word.Trim('"', '“', '”', '‘', '’', '(', ')', ',', '.');
        return w.Length > 1 && char.IsUpper(w[0]);
    }

    private static bool IsCalendarWord(string word) =>
        word.Length >= 3 && (new[] { "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "Today", "Yesterday" }).Contains(word);

    /// <summary>
    /// A single capitalised word used as a person (before a verb of saying, or opening the sentence with an age) that
    /// neither this sentence nor an earlier one gives with a first name.
    /// </summary>
    private static bool BareName(string[] words, string sentence, IReadOnlyList<string> before)
    {
        for (var i = 0; i + 1 < words.Length; i++)
        {
            // An attribution: "..., Larson said", "\"...,\" Larson told", "Larson said ..." opening; or "Abath, 34, ...".
            var word = words[i].Trim('"', '“', '”');
            var next = words[i + 1].Trim(',', '.').ToLowerInvariant();
            var attributes = next is "said" or "says" or "told" or "tells" && !word.EndsWith(',') &&
                             (i == 0 || words[i - 1].EndsWith(',') || words[i - 1].EndsWith('"') || words[i - 1].EndsWith('”'));
            var aged = i == 0 && word.EndsWith(',') && words[i + 1].TrimEnd(',').All(char.IsDigit);
            word = word.TrimEnd(',');
            if (!(attributes || aged) || !IsCapitalised(word) || ReaderWords.IsFunctionWord(word) || IsCalendarWord(word))
            {
                continue;
            }

            if (word.EndsWith('s'))
            {
                continue; // "Officials said", "Witnesses told": a group, not a person
            }

            var introduced = before.Append(sentence).Any(text => Introduces(text, word));
            if (!introduced)
            {
                return true;
            }
        }

        return false;
    }

    private static bool Introduces(string text, string surname)
    {
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 1; i < words.Length; i++)
        {
            if (words[i].Trim('"', '“', '”', ',', '.', '\'', '’', 's').Equals(surname.TrimEnd('s'), StringComparison.Ordinal) && IsCapitalised(words[i - 1]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>"The" + lower-case words opening the sentence, their last word nowhere before, and no "of"/"who"/"that" after.</summary>
    private static bool UnintroducedThing(string[] words, IReadOnlyList<string> before)
    {
        if (words.Length < 4 || words[0] != "The" || !char.IsLower(words[1][0]))
        {
            return false;
        }

        var phrase = new List<string>();
        var i = 1;
        for (; i < words.Length && phrase.Count < 3 && char.IsLower(words[i][0]); i++)
        {
            var w = words[i].Trim(',').ToLowerInvariant();
            if (w is "of" or "who" or "that" or "which" or "whose" or "in" or "at" or "on" or "for" or "from" or "with" or "to" or "by" or
                "is" or "are" or "was" or "were" or "has" or "have" or "had" or "will" or "would" or "could" or "can" or "may" or "said" or "says" or "told" || w.EndsWith("ed", StringComparison.Ordinal) ||
                (phrase.Count > 0 && w.EndsWith('s') && !w.EndsWith("ss", StringComparison.Ordinal)))
            {
                break;
            }

            phrase.Add(w);
        }

        var after = i < words.Length ? words[i].Trim(',') : "";
        if (phrase.Count == 0 || i >= words.Length || (after.Length > 0 && char.IsUpper(after[0])) ||
            after.ToLowerInvariant() is "of" or "who" or "that" or "whose" or "which" or "for" or "behind" or "in" or "at" or "on" or "from" or "with" or "about" or "between" or "to" or "by" ||
            phrase.Any(w => w.EndsWith("est", StringComparison.Ordinal) || w is "first" or "last" or "only" or "same" or "other" or "next"))
        {
            return false;
        }

        var noun = ReaderWords.Root(phrase[^1].Trim('’', '\''));
        return !before.Any(text => ReaderWords.Content(text).Contains(noun));
    }
}
