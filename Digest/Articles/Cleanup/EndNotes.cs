using System.Text.RegularExpressions;

namespace Digest.Articles.Cleanup;

/// <summary>
/// Notes that close an article rather than report news: <c>The Source: This report is based on ...</c>,
/// <c>Read more: ...</c>, <c>Related: ...</c>, <c>Copyright ...</c>, <c>All rights reserved</c>,
/// <c>This story has been updated ...</c>, <c>NAME contributed to this report.</c>
/// </summary>
internal static partial class EndNotes
{
    private const int MaxWordsForPhrase = 40;

    [GeneratedRegex(@"^(?:(?:the\s+)?sources?\s*:|read\s+more\b|more\s+(?:from|on|about)\s+[^:]{1,60}:|(?:related|see\s+also|also\s+read|recommended|more\s+stories|more\s+coverage|editor['’]?s\s+note|correction|clarification|contributing|further\s+reading)(?:\s+(?:coverage|stories|articles|content|reading|links?))?\s*[:|–—-]|copyright\b|©|\(c\)\s*\d{4}|this\s+(?:story|article|report|post|piece)\s+(?:has\s+been|was|is)\s+(?:updated|corrected|edited|originally|first|adapted|republished|based)|(?:this|the)\s+(?:story|article|report)\s+(?:originally\s+)?appeared|(?:follow|contact|reach|email)\s+\p{Lu}[\p{L}.'’-]+(?:\s+\p{Lu}[\p{L}.'’-]+)*\s+(?:on|at|via)\s)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex EndNoteLead();

    [GeneratedRegex(@"all\s+rights\s+reserved|contributed\s+(?:reporting\s+)?to\s+this\s+(?:report|story|article)|(?:this|the)\s+(?:story|article)\s+(?:has\s+been|was)\s+updated", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex EndNotePhrase();

    /// <summary>True when the paragraph (or sentence) is an end note.</summary>
    public static bool IsEndNote(string text) =>
        EndNoteLead().IsMatch(text) ||
        (EndNotePhrase().IsMatch(text) && Sentences.Split(text).Count == 1 && Sentences.WordCount(text) <= MaxWordsForPhrase);
}
