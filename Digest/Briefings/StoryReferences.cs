using System.Text.RegularExpressions;
using Digest.Briefings.Grouping;
using Digest.Language;
using Digest.Summaries.Ranking;

namespace Digest.Briefings;

/// <summary>
/// Whether a sentence needs one the story does not show before it: a pronoun or a bare surname for someone not yet
/// named ("Larson said", "Abath, 34,"), a quote whose only speaker is "he" or "she", or "the" + a thing not yet
/// introduced ("The satellite will map ...", "The sales figure was ..."). Decided by the sentence's structure and
/// what the sentences before it (<paramref name="context"/>) say, never by a list of phrasings.
/// </summary>
internal static partial class StoryReferences
{
    /// <summary>Why the sentence cannot be read where it is put, or null when it can.</summary>
    public static string? MissingReference(string sentence, IReadOnlyList<string> context)
    {
        var text = sentence.TrimStart('"', '“', '‘', '\'', ' ', '(');
        if (OpeningPronoun().IsMatch(text))
        {
            return "opens with a pronoun";
        }

        if (PronounSpeaker().IsMatch(sentence) && !NamesPerson(sentence))
        {
            return "quote with an unnamed speaker";
        }

        foreach (var surname in BareSurnames(text))
        {
            if (!IsIntroduced(surname, sentence, context))
            {
                return $"\"{surname}\" is never introduced";
            }
        }

        if (Demonstrated(text, context) is { } pointed)
        {
            return $"\"{pointed}\" points at something not shown";
        }

        if (UndefinedThing(text, context) is { } thing)
        {
            return $"\"the {thing}\" is never introduced";
        }

        return null;
    }

    /// <summary>
    /// Single capitalised words used as a person: one before a verb of saying in mid-sentence (<c>, Larson said</c>),
    /// one opening the sentence with an age or a verb of saying (<c>Abath, 34, ...</c>, <c>Heidi told ...</c>).
    /// </summary>
    private static IEnumerable<string> BareSurnames(string text)
    {
        foreach (Match m in SpeakerInside().Matches(text))
        {
            yield return m.Groups["name"].Value;
        }

        var opening = SpeakerOpening().Match(text);
        if (opening.Success && !StopWords.Contains(opening.Groups["name"].Value.ToLowerInvariant()))
        {
            yield return opening.Groups["name"].Value;
        }
    }

    /// <summary>Named in full (after another capitalised word) here or in an earlier sentence.</summary>
    private static bool IsIntroduced(string surname, string sentence, IReadOnlyList<string> context)
    {
        var fullName = new Regex(@"\p{Lu}[\p{L}.'’-]*\s+(?:\p{Lu}[\p{L}.'’-]*\s+)?" + Regex.Escape(surname) + @"\b", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        return fullName.IsMatch(sentence) || context.Any(c => fullName.IsMatch(c));
    }

    /// <summary>A capitalised word that is not the sentence's first, e.g. a person's or a place's name.</summary>
    private static bool NamesPerson(string sentence) =>
        sentence.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(w => w.TrimStart('"', '“', '‘', '(')).Any(w => w.Length > 1 && char.IsUpper(w[0]) && w.Skip(1).Any(char.IsLower));

    /// <summary>
    /// The head noun of an opening "The + lower-case words" that nothing before introduces and nothing right after
    /// defines (<c>of</c>, <c>who</c>, <c>that</c>, a superlative): "The satellite will map ..." → "satellite".
    /// </summary>
    private static string? UndefinedThing(string text, IReadOnlyList<string> context)
    {
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length < 4 || words[0] != "The")
        {
            return null;
        }

        // The noun phrase: lower-case words after "The" up to the first verb-like word.
        var np = new List<string>();
        var k = 1;
        for (; k < words.Length && np.Count < 4; k++)
        {
            var word = words[k].TrimEnd(',');
            if (word.Length == 0 || !char.IsLower(word[0]) || VerbHints.IsVerbLike(word) || Definers.Contains(word))
            {
                break;
            }

            np.Add(word);
            if (words[k].EndsWith(',')) { k++; break; }
        }

        // A name in the phrase, a defining word after it, or a superlative: the phrase says what it is.
        if (np.Count == 0 || k >= words.Length || !char.IsLower(words[k][0]) || Definers.Contains(words[k]) ||
            np.Any(w => w.EndsWith("est", StringComparison.Ordinal) || SelfDefining.Contains(w)))
        {
            return null;
        }

        var head = np[^1].Trim('’', '\'', '.');
        var stem = head.Length < 3 ? null : SummaryTerms.ContentStems(head).FirstOrDefault();
        if (stem is null)
        {
            return null;
        }

        return context.Any(c => SummaryTerms.ContentStems(c).Contains(stem)) ? null : head;
    }

    /// <summary>
    /// "This/These/That/Those/Such" opening the sentence before a verb ("This uses ...") or before a thing the story
    /// has not named ("These crawls ...", "This study ..."): the word the sentence points with, or null.
    /// </summary>
    private static string? Demonstrated(string text, IReadOnlyList<string> context)
    {
        var words = text.Split(' ', 3, StringSplitOptions.RemoveEmptyEntries);
        if (words.Length < 2 || !(words[0] is "This" or "These" or "That" or "Those" or "Such") || !char.IsLower(words[1][0]))
        {
            return null;
        }

        var next = words[1].Trim(',', '.');
        if (VerbHints.IsVerbLike(next) || next.EndsWith('s') && !next.EndsWith("ss", StringComparison.Ordinal) && words[0] is "This" or "That")
        {
            return words[0];
        }

        var stem = SummaryTerms.ContentStems(next).FirstOrDefault();
        return stem is not null && !context.Any(c => SummaryTerms.ContentStems(c).Contains(stem)) ? words[0] + " " + next : null;
    }

    private static readonly HashSet<string> Definers = new(StringComparer.Ordinal)
    {
        "of", "who", "whom", "whose", "that", "which", "in", "at", "on", "for", "from", "with", "behind", "to", "between",
        "about", "over", "under", "near", "by", "into", "against", "across",
    };

    private static readonly HashSet<string> SelfDefining = new(StringComparer.Ordinal) { "first", "last", "only", "next", "same", "other", "following" };

    [GeneratedRegex(@"^(?:he|she|they|it|his|her|their|its|him|them)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OpeningPronoun();

    /// <summary><c>…," he said.</c>, <c>“…,” she added</c>, <c>he told reporters</c> after a closing quote.</summary>
    [GeneratedRegex(@"[,.!?]?[""”’']\s*,?\s*(?:he|she|they)\s+(?:said|says|added|adds|told|tells|explained|wrote|writes|continued|noted|recalled|insisted|argued|warned)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PronounSpeaker();

    [GeneratedRegex(@"(?<=[,""”]\s*|\b(?:and|but|because|as|while|when|where|after)\s+)(?<!\p{Lu}[\p{L}.'’-]*\s)(?<name>\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?)\s+(?:said|says|told|tells|added|adds|explained|wrote|noted|argued|insisted|claimed|testified|recalled|admitted)\b", RegexOptions.CultureInvariant)]
    private static partial Regex SpeakerInside();

    [GeneratedRegex(@"^(?<name>\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?)(?:,\s+\d{1,3},|\s+(?:said|says|told|tells|added|adds|explained|wrote|noted|argued|insisted|claimed|testified|recalled|admitted)\b)", RegexOptions.CultureInvariant)]
    private static partial Regex SpeakerOpening();

}
