namespace Digest.Language;

/// <summary>
/// Word tokens for ranking and grouping: lower-case runs of letters and digits.
/// </summary>
/// <remarks>
/// Choices, so that the same fact written two ways gives the same tokens:
/// <list type="bullet">
/// <item>Numbers keep their decimal point and lose thousands separators: <c>$1.2</c> → <c>1.2</c>, <c>3.5%</c> → <c>3.5</c>,
/// <c>1,200</c> → <c>1200</c>. Currency and percent signs are not part of a token.</item>
/// <item>Hyphens separate tokens: <c>state-owned</c> → <c>state</c>, <c>owned</c>; a score <c>7-2</c> → <c>7</c>, <c>2</c>.</item>
/// <item>Possessive <c>'s</c> is dropped (<c>Reuters's</c>, <c>company's</c> → <c>company</c>); other apostrophes inside a word
/// stay and are written <c>'</c> (<c>don’t</c> → <c>don't</c>, <c>O'Brien</c> → <c>o'brien</c>).</item>
/// <item>Dotted initialisms stay one token without the final dot: <c>U.S.</c> → <c>u.s</c>, <c>a.m.</c> → <c>a.m</c>.</item>
/// <item>Chinese characters and Japanese kana, written without spaces between words, are one token each
/// (<c>市议会</c> → <c>市</c>, <c>议</c>, <c>会</c>) and one word each when counting.</item>
/// </list>
/// </remarks>
public static class Words
{
    /// <summary>Splits <paramref name="text"/> into lower-case word tokens (see the type remarks for the rules).</summary>
    public static List<string> Tokenize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var words = new List<string>();
        var scanner = new WordScanner(text);
        Span<char> buffer = stackalloc char[128];
        while (scanner.Next(out var token))
        {
            var target = token.Length <= buffer.Length ? buffer : new char[token.Length];
            var length = Normalize(text.AsSpan(token.Start, token.Length), target);
            words.Add(new string(target[..length]));
        }

        return words;
    }

    /// <summary>
    /// Counts words the way a reader would: whitespace-separated chunks that contain a letter or digit
    /// (<c>state-owned</c> and <c>$1.2</c> are one word each; a lone dash is none). In Chinese and Japanese, which put
    /// no spaces between words, each character counts as one.
    /// </summary>
    public static int Count(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var count = 0;
        var inChunk = false;
        var chunkHasWord = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                if (inChunk && chunkHasWord)
                {
                    count++;
                }

                inChunk = false;
                chunkHasWord = false;
                continue;
            }

            if (IsCjk(c))
            {
                count += inChunk && chunkHasWord ? 2 : 1;
                inChunk = false;
                chunkHasWord = false;
                continue;
            }

            inChunk = true;
            chunkHasWord |= char.IsLetterOrDigit(c);
        }

        return inChunk && chunkHasWord ? count + 1 : count;
    }

    /// <summary>
    /// Writes the lower-case token form of a raw token span into <paramref name="target"/> (at least as long as the
    /// span) and returns its length: apostrophes become <c>'</c> and thousands separators are dropped.
    /// </summary>
    internal static int Normalize(ReadOnlySpan<char> raw, Span<char> target)
    {
        var length = 0;
        foreach (var c in raw)
        {
            if (c == ',')
            {
                continue;
            }

            target[length++] = IsApostrophe(c) ? '\'' : char.ToLowerInvariant(c);
        }

        return length;
    }

    internal static bool IsApostrophe(char c) => c is '\'' or '\u2019';

    /// <summary>A Chinese character (CJK unified ideographs and extension A, compatibility ideographs) or Japanese kana.</summary>
    internal static bool IsCjk(char c) =>
        c is (>= '\u4E00' and <= '\u9FFF') or (>= '\u3400' and <= '\u4DBF') or (>= '\uF900' and <= '\uFAFF')
            or (>= '\u3040' and <= '\u30FF') or '\u3005';
}

/// <summary>A token's place in the text it came from.</summary>
internal readonly record struct TokenSpan(int Start, int Length)
{
    public int End => Start + Length;
}

/// <summary>Finds word tokens in a text without allocating; <see cref="Words"/> documents the rules.</summary>
internal struct WordScanner(string text)
{
    private int _position;

    /// <summary>Moves to the next token; false at the end of the text.</summary>
    public bool Next(out TokenSpan token)
    {
        var i = _position;
        while (i < text.Length && !char.IsLetterOrDigit(text[i]))
        {
            i++;
        }

        if (i >= text.Length)
        {
            _position = i;
            token = default;
            return false;
        }

        var start = i;
        var segmentStart = i;
        i++;
        if (Words.IsCjk(text[start]))
        {
            token = new TokenSpan(start, 1);
            _position = i;
            return true;
        }

        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsLetterOrDigit(c) && !Words.IsCjk(c))
            {
                i++;
                continue;
            }

            if (!IsJoined(i, segmentStart, out var skipPossessive))
            {
                token = new TokenSpan(start, i - start);
                _position = skipPossessive ? i + 2 : i;
                return true;
            }

            i++;
            segmentStart = i;
        }

        token = new TokenSpan(start, i - start);
        _position = i;
        return true;
    }

    /// <summary>Whether the punctuation at <paramref name="i"/> joins the letters or digits on either side.</summary>
    private readonly bool IsJoined(int i, int segmentStart, out bool skipPossessive)
    {
        skipPossessive = false;
        if (i + 1 >= text.Length)
        {
            return false;
        }

        var c = text[i];
        var previous = text[i - 1];
        var next = text[i + 1];
        var afterNext = i + 2 < text.Length ? text[i + 2] : ' ';
        if (c is '.' or ',' && char.IsDigit(previous) && char.IsDigit(next))
        {
            return true;
        }

        if (c == '.' && char.IsLetter(previous) && char.IsLetter(next) && i - segmentStart == 1 && !char.IsLetter(afterNext))
        {
            return true;
        }

        if (Words.IsApostrophe(c) && char.IsLetter(previous) && char.IsLetter(next))
        {
            if (next is 's' or 'S' && !char.IsLetterOrDigit(afterNext))
            {
                skipPossessive = true;
                return false;
            }

            return true;
        }

        return false;
    }
}
