using System.Globalization;
using System.Text.RegularExpressions;
using Digest.Articles.Cleanup;
using Digest.Briefings.Grouping;
using Digest.Summaries.Ranking;

namespace Digest.Briefings;

/// <summary>
/// What a story may say and how its headline reads: whether a sentence stands alone where it is put, and a whole,
/// headline-length statement of the event from the leads when no source has a title.
/// </summary>
internal static partial class StoryText
{
    private const int MinHeadline = 30;
    private const int MaxHeadline = 120;

    /// <summary>A cut lead is kept within this length when a clause boundary allows; a whole lead may run to <see cref="MaxHeadline"/>.</summary>
    private const int PreferredHeadline = 110;
    private const int LeadsTried = 4;

    private static readonly HashSet<string> DanglingEnds = new(StringComparer.OrdinalIgnoreCase)
    {
        "a", "an", "the", "of", "to", "and", "or", "but", "with", "for", "in", "on", "at", "by", "from", "as", "that",
        "which", "who", "its", "their", "was", "were", "is", "are", "has", "have", "had", "be", "than", "into", "about",
        "said", "says", "this", "these", "those", "our", "my", "your", "not", "no", "very", "more", "most",
        "day", "days", "week", "weeks", "month", "months", "year", "years", "hour", "hours", "minute", "minutes",
        "will", "would", "could", "can", "may", "might", "should", "must", "shall", "did", "does", "do", "been", "being",
        "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    };

    private static readonly string[] Units =
        ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
         "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"];

    private static readonly string[] Tens = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];

    /// <summary>
    /// False for a sentence that makes no sense without another the story does not carry ("That is how long it took",
    /// "What she saw was ...", "This statement was made by ...", "But ..."), a teaser ("Here's what the budget pays
    /// for.") and a byline or credit line.
    /// </summary>
    public static bool StandsAlone(string sentence)
    {
        var text = sentence.TrimStart('"', '“', '‘', '\'', ' ');
        return !Demonstrative().IsMatch(text) && !Connective().IsMatch(text) && !WhatClause().IsMatch(text) &&
               !Teaser().IsMatch(text) && !BylineInside().IsMatch(text) && !Bylines.TryParse(sentence, out _);
    }

    /// <summary>
    /// The sentence as a reader should see it: no wire tag or dateline at its start (<c>(CNN) --</c>,
    /// <c>WASHINGTON The Senate ...</c>, <c>Abu Dhabi: The record drop ...</c>), no player label glued to it
    /// (<c>CLOSE Hundreds of ...</c>), and no pointer at a picture the email does not carry (<c>(pictured)</c>).
    /// </summary>
    public static string Clean(string sentence)
    {
        var text = WithoutWireTag(WithoutDateline(sentence.Trim()));
        text = CapitalsLead().Replace(text, "", 1);
        text = ColonPlace().Replace(text, "", 1);
        text = PicturePointer().Replace(text, "");
        return text.Length > 0 && char.IsLower(text[0]) ? sentence.Trim() : text;
    }

    /// <summary>The text without a news agency's tag at its start: <c>(CNN) --</c>, <c>(Reuters)</c>.</summary>
    public static string WithoutWireTag(string text)
    {
        var match = WireTag().Match(text);
        return match.Success && match.Length < text.Length ? text[match.Length..] : text;
    }

    /// <summary>
    /// True for a photo caption: it tells what a picture shows ("In this March 18, 1990 still image from surveillance
    /// video ...", "X, left, and Y, right, ..."), not what happened.
    /// </summary>
    public static bool IsCaption(string sentence) => IsPictureFrame(sentence) || CaptionPositions().IsMatch(sentence);

    /// <summary>"In this [date] [kind of] photo/image/still/video ... released/provided/taken/from/shows ...".</summary>
    private static bool IsPictureFrame(string sentence)
    {
        var words = sentence.Split(' ', 16, StringSplitOptions.RemoveEmptyEntries);
        if (words.Length < 4 || !(words[0] is "In" or "This" or "These" or "Here"))
        {
            return false;
        }

        for (var i = 1; i < Math.Min(words.Length - 1, 11); i++)
        {
            var word = words[i].Trim(',', '.').ToLowerInvariant();
            if (PictureNouns.Contains(word))
            {
                return words.Skip(i + 1).Take(5).Any(w => PictureFollowers.Contains(w.Trim(',', '.').ToLowerInvariant()));
            }
        }

        return false;
    }

    /// <summary>What a picture is called in a caption, and the words that follow it there ("released by", "taken on", "shows").</summary>
    private static readonly HashSet<string> PictureNouns = new(StringComparer.Ordinal)
    {
        "photo", "photos", "photograph", "image", "images", "still", "picture", "pictures", "frame", "screenshot", "grab", "handout",
    };

    private static readonly HashSet<string> PictureFollowers = new(StringComparer.Ordinal)
    {
        "released", "provided", "taken", "made", "shot", "posted", "from", "by", "shows", "show", "of", "obtained", "distributed",
    };

    /// <summary>
    /// True for a deck or headline set as a sentence: ten words or more without a single article (a, an, the), with
    /// a semicolon joining two headlines ("Pinecrest shares jump 24% after ...; union seeks job guarantees ...").
    /// </summary>
    public static bool IsHeadlinese(string sentence)
    {
        var words = sentence.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length < 10 || !sentence.Contains(';'))
        {
            return false;
        }

        // Either no article at all, or a second headline after the semicolon: a bare noun and a verb in the present
        // ("...; union seeks job guarantees ...").
        return !words.Any(w => w.Trim('"', '“', '(').ToLowerInvariant() is "a" or "an" or "the") || SecondHeadline().IsMatch(sentence);
    }

    /// <summary>
    /// True for text a reader cannot take as a sentence of news: it speaks to the reader ("you", "your" outside a
    /// quotation: "Media playback is unsupported on your device"), it was cut off ("...", "…"), two sentences are glued
    /// without a space ("violation.But"), or a run of four words comes twice (a title glued to itself).
    /// </summary>
    public static bool IsPageText(string sentence)
    {
        var text = sentence.TrimEnd();
        if (text.EndsWith("...", StringComparison.Ordinal) || text.EndsWith('…') || text.EndsWith("...\"", StringComparison.Ordinal) || GluedSentences().IsMatch(text))
        {
            return true;
        }

        return SpeaksToReader(text) || RepeatsItself(text) || RepeatsLabel(text);
    }

    /// <summary>
    /// A page's label pair comes twice at its start, each time a capitalised word before a lower-case one ("Image
    /// copyright ... Image caption ..."): the text is a picture's credit and caption, flattened into one line.
    /// </summary>
    private static bool RepeatsLabel(string text)
    {
        var words = text.Split(' ', 12, StringSplitOptions.RemoveEmptyEntries);
        if (words.Length < 4 || !char.IsUpper(words[0][0]) || !char.IsLower(words[1][0]))
        {
            return false;
        }

        for (var i = 2; i + 1 < Math.Min(words.Length, 11); i++)
        {
            if (words[i] == words[0] && char.IsLower(words[i + 1][0]) && words[i + 1] != words[1])
            {
                return true;
            }
        }

        return false;
    }

    private static bool SpeaksToReader(string text)
    {
        var depth = 0;
        var word = new System.Text.StringBuilder();
        foreach (var c in text + " ")
        {
            if (c is '“')
            {
                depth++;
            }
            else if (c is '”')
            {
                depth = Math.Max(0, depth - 1);
            }
            else if (c is '"')
            {
                depth = depth > 0 ? 0 : 1;
            }

            if (char.IsLetter(c) || c is '\'' or '’')
            {
                word.Append(char.ToLowerInvariant(c));
                continue;
            }

            if (depth == 0 && word.Length > 0 && word.ToString() is "you" or "your" or "you're" or "you’re" or "yours" or "you'll" or "you’ll" or "you've" or "you’ve")
            {
                return true;
            }

            word.Clear();
        }

        return false;
    }

    private static bool RepeatsItself(string text)
    {
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i + 4 <= words.Length; i++)
        {
            if (!seen.Add(string.Join(' ', words, i, 4)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The stems of the capitalised names and of the figures of a sentence (its first word left out).</summary>
    public static HashSet<string> NameStems(string sentence)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var words = sentence.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < words.Length; i++)
        {
            var word = words[i].Trim('"', '“', '”', '‘', '’', '\'', '(', ')', ',', '.', ';', ':');
            if (word.Length > 1 && ((i > 0 && char.IsUpper(word[0])) || char.IsDigit(word[0])))
            {
                names.UnionWith(SummaryTerms.ContentStems(word));
            }
        }

        return names;
    }

    /// <summary>True when the sentence opens with a pronoun whose person or thing only an earlier sentence names.</summary>
    public static bool OpensWithPronoun(string sentence) => Pronoun().IsMatch(sentence);

    /// <summary>True for an explainer's or angle piece's title: "What we know about ...", "Here's why ...", "Analysis: ...".</summary>
    public static bool IsExplainerTitle(string title) => ExplainerTitle().IsMatch(title);

    /// <summary>The text without a dateline at its start (<c>Port Calder, Oregon (Wire) --</c>, <c>HALIFAX/OTTAWA, Canada</c>).</summary>
    public static string WithoutDateline(string text)
    {
        var (dateline, rest, _) = Datelines.SplitPrefix(text);
        if (dateline is not null && rest.Trim().Length > 0)
        {
            text = rest.Trim();
        }

        var match = PlaceLead().Match(text);
        return match.Success && match.Length < text.Length ? text[match.Length..].TrimStart() : text;
    }

    /// <summary>
    /// A headline from the stories' sentences, leads first, for a story none of whose sources has a title: the first
    /// sentence that stands alone, without dateline and attribution, whole when headline-length, else cut at a clause
    /// boundary (never mid-phrase, never with "…"). Null when there is no sentence.
    /// </summary>
    public static string? HeadlineFrom(IEnumerable<string> leads)
    {
        var sentences = leads.Take(LeadsTried).ToList();
        foreach (var strict in new[] { true, false })
        {
            foreach (var sentence in sentences)
            {
                if (strict && (!StandsAlone(sentence) || OpensWithPronoun(sentence) || OpensWithSpeech(sentence)))
                {
                    continue;
                }

                if (Headline(sentence) is { } headline)
                {
                    return headline;
                }
            }
        }

        return sentences.Count == 0 ? null : Statement(sentences[0]);
    }

    /// <summary>Numbers written out as words (<c>Twenty-three</c>, <c>fourteen</c>), as digits.</summary>
    public static IEnumerable<string> SpelledNumbers(string sentence)
    {
        foreach (Match match in SpelledNumber().Matches(sentence))
        {
            var total = 0;
            foreach (var part in match.Value.ToLowerInvariant().Split('-', ' '))
            {
                var unit = Array.IndexOf(Units, part);
                total += unit >= 0 ? unit : Math.Max(0, Array.IndexOf(Tens, part)) * 10;
            }

            yield return total.ToString(CultureInfo.InvariantCulture);
        }
    }

    /// <summary>The sentence as a statement: no dateline, no trailing attribution, no full stop.</summary>
    private static string Statement(string sentence)
    {
        var text = Clean(sentence);
        text = Attribution().Replace(text, "");
        return text.TrimEnd('.', ' ');
    }

    private static string? Headline(string sentence)
    {
        var text = Statement(sentence);
        if (text.Length <= MaxHeadline)
        {
            return (text.Length >= MinHeadline || Sentences.WordCount(text) >= 5) && HasPredicate(text) ? text : null;
        }

        // A cut keeps a whole clause: what comes before it has a verb after its subject and does not end on a verb
        // still waiting for its object ("were alerted"), and what follows opens an adjunct, never the predicate
        // ("Zuckerberg and his wife, Priscilla Chan, are donating").
        return ClauseBreak().Matches(text)
            .Select(m => (head: text[..m.Index].TrimEnd(',', ' '), rest: text[(m.Index + m.Length)..]))
            .Where(c => c.head.Length is >= MinHeadline and <= MaxHeadline && !EndsMidPhrase(c.head) && Balanced(c.head) &&
                        HasPredicate(c.head) && !EndsOnVerb(c.head) && !OpensPredicate(c.rest) && !LeavesClauseOpen(c.head))
            .Select(c => c.head)
            .ToList() is { Count: > 0 } cuts
            ? cuts.LastOrDefault(h => h.Length <= PreferredHeadline) ?? cuts[^1]
            : null;
    }

    /// <summary>
    /// Opens with a quotation that is speech, not a quoted name: the closing quote comes after the fourth word
    /// ("“We will rebuild,” ..." is speech; "“La La Land” producer ..." names a film).
    /// </summary>
    private static bool OpensWithSpeech(string sentence)
    {
        var text = sentence.TrimStart();
        if (text.Length == 0 || text[0] is not ('"' or '“'))
        {
            return false;
        }

        var close = text.IndexOfAny(['"', '”'], 1);
        return close < 0 || text[1..close].Split(' ', StringSplitOptions.RemoveEmptyEntries).Length > 4;
    }

    /// <summary>
    /// A subordinate clause opened in the text ("... notified the Coast Guard that a father and son-in-law") has a
    /// verb of its own after its opener; else the cut left it without one.
    /// </summary>
    private static bool LeavesClauseOpen(string head)
    {
        var words = head.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var opener = Array.FindLastIndex(words, w => w is "that" or "who" or "which" or "because" or "when" or "if" or "whether" or "where" or "while");
        if (opener >= 0 && !words.Skip(opener + 1).Any(w => char.IsLower(w[0]) && VerbHints.IsVerbLike(w.Trim(',', '.').ToLowerInvariant())))
        {
            return true;
        }

        // The subject's own verb: "A man who went missing after swimming" has a verb only inside its relative clause.
        var relative = Array.FindIndex(words, w => w is "who" or "which" or "whose");
        return relative > 0 && !HasPredicate(string.Join(' ', words[..relative])) && !HasVerbAfterRelative(words, relative);
    }

    /// <summary>A verb-like word after the relative clause closes with a comma: "The man, who ..., said".</summary>
    private static bool HasVerbAfterRelative(string[] words, int relative)
    {
        var close = Array.FindIndex(words, relative, w => w.EndsWith(','));
        return close > 0 && words.Skip(close + 1).Any(w => char.IsLower(w[0]) && VerbHints.IsVerbLike(w.Trim(',', '.').ToLowerInvariant()));
    }

    /// <summary>A verb-like word after the first word, in lower case: the text says something happened.</summary>
    private static bool HasPredicate(string text)
    {
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Skip(1).Any(w => w.Length > 1 && char.IsLower(w[0]) && VerbHints.IsVerbLike(w.Trim(',', '.', '"', '”', '’').ToLowerInvariant()));
    }

    /// <summary>Ends on a passive or compound verb still waiting for what it says: "were alerted", "has been".</summary>
    private static bool EndsOnVerb(string text)
    {
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var last = words[^1].Trim(',', '.', '"', '”', '’').ToLowerInvariant();
        return words.Length > 1 && char.IsLower(words[^1][0]) && VerbHints.IsVerbLike(last) &&
               words[^2].ToLowerInvariant() is "is" or "are" or "was" or "were" or "be" or "been" or "being" or "has" or "have" or "had" or "will" or "would" or "could" or "can" or "may" or "might" or "should" or "must";
    }

    private static bool OpensPredicate(string rest)
    {
        var words = rest.TrimStart(',', ' ').Split(' ', 2, StringSplitOptions.RemoveEmptyEntries);
        return words.Length > 0 && words[0].Length > 1 && char.IsLower(words[0][0]) && !words[0].EndsWith("ing", StringComparison.Ordinal) &&
               VerbHints.IsVerbLike(words[0].Trim(',').ToLowerInvariant());
    }

    public static bool EndsMidPhrase(string text)
    {
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length == 0 || DanglingEnds.Contains(words[^1]) ||
               (words.Length > 1 && words[^1].EndsWith("ing", StringComparison.Ordinal) && words[^2] is "of" or "to" or "about");
    }

    /// <summary>No quote or bracket left open by the cut.</summary>
    private static bool Balanced(string text) =>
        text.Count(c => c == '"') % 2 == 0 && text.Count(c => c == '“') == text.Count(c => c == '”') &&
        text.Count(c => c == '(') == text.Count(c => c == ')');

    [GeneratedRegex(@"^\((?:\p{Lu}[\p{L} .&-]{1,30})\)\s*(?:--|—|–|-)?\s*(?=[\p{Lu}\d""“‘])", RegexOptions.CultureInvariant)]
    private static partial Regex WireTag();

    [GeneratedRegex(@"\p{Ll}{2}[.!?][\p{Lu}][\p{Ll}]")]
    private static partial Regex GluedSentences();

    [GeneratedRegex(@";\s*(?!(?:the|a|an|it|he|she|they|we|this|that|there|officials|police)\s)\p{Ll}+\s+\p{Ll}+[^s\W]s\b", RegexOptions.CultureInvariant)]
    private static partial Regex SecondHeadline();

    /// <summary>A word in capitals glued before a capitalised word that a lower-case word follows: <c>WASHINGTON The Senate</c>, <c>CLOSE Hundreds of</c>.</summary>
    [GeneratedRegex(@"^\p{Lu}{3,}(?:\s\p{Lu}{3,})*\s+(?=(?:The|A|An|In|On|At|After|As|When|For|It|He|She|They)\s|\p{Lu}\p{Ll}+\s+\p{Ll})", RegexOptions.CultureInvariant)]
    private static partial Regex CapitalsLead();

    /// <summary>A place and a colon before a sentence: <c>Abu Dhabi: The record drop ...</c>.</summary>
    [GeneratedRegex(@"^\p{Lu}[\p{L}.'’-]*(?:\s\p{Lu}[\p{L}.'’-]*){0,2}:\s+(?=(?:The|A|An|In|On|At|After|As)\s)", RegexOptions.CultureInvariant)]
    private static partial Regex ColonPlace();

    [GeneratedRegex(@"\s*\((?:pictured|photographed|seen|shown|above|below|inset|top|bottom|left|right|center|centre)(?:\s+(?:here|above|below|left|right|center|centre|in\s+\d{4}))?\)|,\s*(?:pictured|above|below)\s*(?:(?:left|right|here)\s*)?,(?=\s)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PicturePointer();


    /// <summary>People placed in a picture: <c>Ana Ruiz, left, and Sam Adler, right,</c>; <c>(from left)</c>.</summary>
    [GeneratedRegex(@",\s*(?:left|right|center|centre|second\s+(?:from\s+)?(?:left|right)),\s|\((?:from\s+)?(?:left|L)\s*(?:to|-)\s*(?:right|R)\)|\bfrom\s+left\s*(?:to\s+right)?\s*[,:]", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CaptionPositions();

    [GeneratedRegex(@"^(?:\p{Lu}[\p{L}.'’-]*(?:[ /]\p{Lu}[\p{L}.'’-]*){0,3}(?:,\s*\p{Lu}[\p{L}.'’-]*(?:\s\p{Lu}[\p{L}.'’-]*){0,2})?\s*(?:\(\p{Lu}[^()]{0,29}\)\s*(?:--|—|–|-)?|(?:--|—|–))|\p{Lu}{3,}(?:[/ ]\p{Lu}{2,})*,\s*\p{Lu}\p{Ll}+(?:\s\p{Lu}\p{Ll}+)?\s+(?=\p{Lu}\p{Ll}))\s*")]
    private static partial Regex PlaceLead();

    [GeneratedRegex(@",\s+(?:(?:the|a|an)\s+)?[^,]{2,70}?\s+(?:said|says|say|reported|announced|confirmed)(?:\s+(?:on\s+)?\p{Lu}\p{Ll}+day)?\.?$|,\s+(?:said|according\s+to)\s+[^,]{2,70}\.?$")]
    private static partial Regex Attribution();

    [GeneratedRegex(@",\s+(?=\p{Ll}+ing\b)|\s(?=(?:after|as|while|because|amid|despite|following|before|when|since|but|which|where|until|days|hours|weeks)\s)|\s(?=and\s+(?:has|have|had|is|are|was|were|will|would|could|can|may|plans?|said|says)\s)|,\s+(?=(?:which|who|where|but|and|while|after)\s)|\s[—–]\s|\s(?=(?:on|early|late|last|this|next)\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|week|month|year)\b)|(?<=\p{Ll}[,.]?)\s(?=(?:in|at|near|outside|across)\s+\p{Lu})|(?<=\p{Ll})\s(?=(?:in|at|near|off|outside|across)\s+(?:the|a|an)\s)")]
    private static partial Regex ClauseBreak();

    [GeneratedRegex(@"\b(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?\b|\b(?:eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SpelledNumber();

    [GeneratedRegex(@"^(?:that|this|these|those|such)\s+(?!(?:year|week|month|morning|afternoon|evening|night|weekend|spring|summer|fall|autumn|winter|season)\b)(?:is|was|are|were|has|had|will|would|could|can|may|might|statement|move|decision|comes|came|means|meant|one|comment|remark|claim|announcement|step|news|plan|proposal|incident|report|kind|sort|happened|number|figure|includes?|included|said|led|made|left|gave|brings?|brought)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Demonstrative();

    [GeneratedRegex(@"^(?:but|and|or|so|yet|still|also|however|instead|nevertheless|nonetheless|moreover|furthermore|besides|otherwise|thus|therefore)\b[ ,]", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Connective();

    [GeneratedRegex(@"^what\s+(?:he|she|they|we|i|it|you)\s+\p{L}+\s+(?:was|is|were|are)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex WhatClause();

    [GeneratedRegex(@"^(?:here['’]s|here\s+is|here\s+are)\s+(?:what|why|how|who|when|where|a\s+look|the\s+latest|everything)|^(?:read|find\s+out|learn)\s+(?:on|more|what|how|why)\b|you\s+need\s+to\s+know\b|^(?:what\s+we\s+know|everything\s+(?:we|you)\s+know)\b|\b(?:read|watch)\s+(?:the\s+)?(?:full|more)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Teaser();

    [GeneratedRegex(@"\bby\s+\p{Lu}\p{L}+(?:\s+\p{Lu}[\p{L}.'’-]*){1,3}\s*[|—–]\s*\p{Lu}|\bcontributed\s+to\s+this\s+report|[|—–]\s*(?:posted|updated|published)\s+(?:on\s+)?\p{L}", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BylineInside();

    [GeneratedRegex(@"^(?:he|she|they|it|his|her|their|its|him|them)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Pronoun();

    [GeneratedRegex(@"^(?:what\s+(?:we|you)\s+(?:know|don['’]t\s+know)|what\s+(?:is\s+known|to\s+know)|everything\s+(?:we|you)\s+(?:know|need)|here['’]s\s+(?:what|why|how)|explainer|analysis|q\s*&\s*a|faq)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ExplainerTitle();
}
