namespace Digest.Language;

/// <summary>
/// Splits a paragraph of news text into sentences. A sentence ends at <c>.</c>, <c>?</c>, <c>!</c> or an ellipsis
/// (with any closing quotes or brackets after it) followed by space and a sentence start; it does not end at
/// abbreviations (<c>Mr.</c>, <c>Jan. 5</c>, <c>No. 3</c>), initials (<c>George W. Bush</c>, <c>J.R.R. Tolkien</c>),
/// decimals (<c>$1.2 billion</c>), or a quotation followed by its attribution (<c>"We will rebuild." she said.</c>).
/// Chinese and Japanese text ends a sentence at <c>。</c>, <c>！</c>, <c>？</c> (full-width) or <c>｡</c> (half-width),
/// with any closing brackets or quotes (<c>」</c>, <c>』</c>, <c>）</c>) after it; no space follows them there. A
/// closed quotation followed by a kana particle (<c>「…。」と述べた。</c>) is attributed and does not end the sentence.
/// </summary>
public static class SentenceSplitter
{
    /// <summary>Splits <paramref name="paragraph"/> into trimmed sentences, in order. Blank text gives none.</summary>
    public static IReadOnlyList<string> Split(string paragraph)
    {
        ArgumentNullException.ThrowIfNull(paragraph);
        var sentences = new List<string>();
        var start = 0;
        var i = 0;
        while (i < paragraph.Length)
        {
            var c = paragraph[i];
            if (IsCjkTerminal(c))
            {
                while (i < paragraph.Length && (IsCjkTerminal(paragraph[i]) || paragraph[i] is '?' or '!' or '\u2026'))
                {
                    i++;
                }

                var marksEnd = i;
                while (i < paragraph.Length && (IsClosing(paragraph[i]) || IsCjkClosing(paragraph[i])))
                {
                    i++;
                }

                // A quotation followed by a kana particle is attributed (「…。」と述べた): the sentence goes on.
                if (i > marksEnd && i < paragraph.Length && paragraph[i] is >= '\u3040' and <= '\u309F')
                {
                    continue;
                }

                Add(sentences, paragraph, start, i);
                start = i;
                continue;
            }

            if (c is not ('.' or '?' or '!' or '\u2026'))
            {
                i++;
                continue;
            }

            var markStart = i;
            while (i < paragraph.Length && paragraph[i] is '.' or '?' or '!' or '\u2026')
            {
                i++;
            }

            var markEnd = i;
            while (i < paragraph.Length && IsClosing(paragraph[i]))
            {
                i++;
            }

            if (i < paragraph.Length && !char.IsWhiteSpace(paragraph[i]))
            {
                continue;
            }

            if (EndsSentence(paragraph, markStart, markEnd, i))
            {
                Add(sentences, paragraph, start, i);
                start = i;
            }
        }

        Add(sentences, paragraph, start, paragraph.Length);
        return sentences;
    }

    private static void Add(List<string> sentences, string paragraph, int start, int end)
    {
        var span = paragraph.AsSpan(start, end - start).Trim();
        if (!span.IsEmpty)
        {
            sentences.Add(span.ToString());
        }
    }

    /// <summary>Full-width <c>。！？</c> and the half-width ideographic full stop: they end a sentence wherever they stand.</summary>
    internal static bool IsCjkTerminal(char c) => c is '\u3002' or '\uFF01' or '\uFF1F' or '\uFF61';

    /// <summary>Closing corner brackets, full-width parenthesis and the other CJK closing brackets.</summary>
    private static bool IsCjkClosing(char c) => c is '\u300D' or '\u300F' or '\uFF09' or '\u3011' or '\u3009' or '\u300B' or '\uFF63';

    private static bool IsClosing(char c) => c is '"' or '\'' or '\u201D' or '\u2019' or ')' or ']' or '\u00BB';

    private static bool IsOpening(char c) => c is '"' or '\'' or '\u201C' or '\u2018' or '(' or '[' or '\u00AB';

    /// <summary>
    /// Whether the terminal mark at [<paramref name="markStart"/>, <paramref name="markEnd"/>), with closing
    /// punctuation up to <paramref name="after"/>, ends a sentence.
    /// </summary>
    private static bool EndsSentence(string text, int markStart, int markEnd, int after)
    {
        var next = NextWord(text, after);
        if (next.IsEmpty)
        {
            return true;
        }

        // A lower-case continuation is an attribution ("...," she said) or a sentence that goes on after an
        // abbreviation or ellipsis; no sentence starts in lower case.
        if (char.IsLower(next[0]))
        {
            return false;
        }

        var isSingleStop = markEnd - markStart == 1 && text[markStart] == '.';
        var closedByQuote = after > markEnd;
        if (!isSingleStop || closedByQuote)
        {
            return true;
        }

        var previous = PreviousWord(text, markStart);
        return Abbreviations.Classify(previous) switch
        {
            AbbreviationKind.None => true,
            AbbreviationKind.Title => false,
            AbbreviationKind.BeforeNumber => !char.IsDigit(next[0]) && StartsSentence(next),
            _ => StartsSentence(next),
        };
    }

    /// <summary>After an abbreviation that can also end a sentence, a capitalised function word starts a new one.</summary>
    private static bool StartsSentence(ReadOnlySpan<char> next)
    {
        if (!char.IsUpper(next[0]))
        {
            return false;
        }

        Span<char> lower = stackalloc char[next.Length];
        next.ToLowerInvariant(lower);
        return StopWords.Contains(lower);
    }

    /// <summary>The word before the mark at <paramref name="end"/>, without leading quotes or brackets.</summary>
    private static ReadOnlySpan<char> PreviousWord(string text, int end)
    {
        var start = end;
        while (start > 0 && !char.IsWhiteSpace(text[start - 1]))
        {
            start--;
        }

        while (start < end && (IsOpening(text[start]) || text[start] is '$' or '-' or '\u2014' or '\u2013'))
        {
            start++;
        }

        return text.AsSpan(start, end - start);
    }

    /// <summary>The letters and digits of the next word after <paramref name="from"/>, past spaces and opening quotes.</summary>
    private static ReadOnlySpan<char> NextWord(string text, int from)
    {
        var start = from;
        while (start < text.Length && (char.IsWhiteSpace(text[start]) || IsOpening(text[start])))
        {
            start++;
        }

        var end = start;
        while (end < text.Length && char.IsLetterOrDigit(text[end]))
        {
            end++;
        }

        if (end == start && start < text.Length)
        {
            end = start + 1;
        }

        return text.AsSpan(start, end - start);
    }
}
