using System.Text.RegularExpressions;

namespace Digest.Articles.Cleanup;

/// <summary>
/// Calls to action and site furniture: newsletter and subscription prompts, cookie notices, "Click here",
/// "Share this", app downloads, "Advertisement", "Story continues below".
/// </summary>
internal static partial class Prompts
{
    private const int MaxWordsForPhrase = 40;

    [GeneratedRegex(@"^(?:sign\s*up\b|subscribe\b|get\s+(?:our|the\s+latest|breaking|the\s+best|unlimited)\b|join\s+(?:our|the)\s+(?:newsletter|mailing|conversation|community)|(?:don['’]t|never)\s+miss\b|we\s+use\s+cookies|this\s+(?:site|website)\s+uses\s+cookies|by\s+(?:continuing|using)\s+(?:to\s+use\s+)?(?:this|our)\s+(?:site|website)|accept\s+(?:all\s+)?cookies|manage\s+(?:cookie|privacy)|click\s+here|tap\s+here|share\s+(?:this|on|via)\b|follow\s+us\b|like\s+us\s+on|download\s+(?:the|our)\s+\S*\s*app|already\s+a\s+(?:subscriber|member)|(?:log|sign)\s+in\s+to\b|support\s+(?:our|local|independent)\s+journalism|advertisement\b|story\s+continues|continue\s+reading|skip\s+to\b|(?:have|got)\s+a\s+(?:news\s+)?tip|send\s+us\s+a\s+tip|watch\s*:|listen\s*:|watch\s+(?:the\s+)?(?:video|live)|print\s+this|email\s+this|leave\s+a\s+comment|comments?\s*$|newsletter\b|(?:this|the)\s+(?:video|content)\s+(?:is\s+)?(?:not\s+available|cannot\s+be\s+played)|enable\s+javascript)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PromptLead();

    [GeneratedRegex(@"sign\s+up\s+for\s+(?:our|the|a)\b[^.]{0,40}\bnewsletter|subscribe\s+to\s+(?:our|the)\b[^.]{0,40}\b(?:newsletter|channel|podcast)|we\s+use\s+cookies|to\s+continue\s+reading|(?:become|you\s+must\s+be)\s+a\s+subscriber", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PromptPhrase();

    /// <summary>
    /// True when the text is one prompt sentence. Longer paragraphs are checked sentence by sentence, so a prompt glued
    /// to real text is cut without losing the text.
    /// </summary>
    public static bool IsPrompt(string text) =>
        Sentences.WordCount(text) <= MaxWordsForPhrase && Sentences.Split(text).Count == 1 &&
        (PromptLead().IsMatch(text) || PromptPhrase().IsMatch(text));
}
