using System.Globalization;
using System.Text;
using Digest.Language;

namespace Digest.Summaries.Cloud;

/// <summary>One document of an analyze-text request: a run of whole paragraphs of the article.</summary>
internal sealed record ArticleDocument(string Id, string Text);

/// <summary>The documents of one request, and how many characters of the article did not fit in it.</summary>
internal sealed record DocumentSplit(IReadOnlyList<ArticleDocument> Documents, int CharactersLeftOut);

/// <summary>
/// Cuts an article into the documents of one request. Paragraphs are kept whole and joined with a blank line; a
/// document ends before the paragraph that would make it longer than the document limit. A paragraph longer than the
/// limit by itself is cut between sentences (and a sentence longer than that, between text elements, never inside
/// one). The request stops at 25 documents, 125,000 characters or 850,000 bytes of text: the rest of a very long
/// article is not sent, since a news article's summary comes from its first part.
/// </summary>
/// <remarks>
/// Characters are counted as Unicode code points. The service counts text elements by Unicode 8 rules (a family
/// emoji of four people joined by zero-width joiners is 4 there, 7 code points here, 1 in .NET's
/// <see cref="StringInfo"/>): a text element is never fewer code points than the service counts, so a request that
/// fits here fits there, where counting .NET's text elements could go over the limit and have the request refused.
/// </remarks>
internal static class ArticleDocuments
{
    private const string ParagraphBreak = "\n\n";

    /// <summary>The documents for <paramref name="paragraphs"/>, ids "1", "2", ... in article order.</summary>
    public static DocumentSplit Split(IReadOnlyList<string> paragraphs, int documentCharacters)
    {
        ArgumentNullException.ThrowIfNull(paragraphs);
        ArgumentOutOfRangeException.ThrowIfLessThan(documentCharacters, 1);
        var builder = new RequestBuilder(documentCharacters);
        var leftOut = 0;
        foreach (var paragraph in paragraphs)
        {
            if (string.IsNullOrWhiteSpace(paragraph))
            {
                continue;
            }

            foreach (var piece in Pieces(paragraph.Trim(), documentCharacters))
            {
                if (leftOut > 0 || !builder.TryAdd(piece))
                {
                    leftOut += piece.Characters;
                }
            }
        }

        return new DocumentSplit(builder.Finish(), leftOut);
    }

    /// <summary>Code points in <paramref name="text"/>: never fewer than the characters the service counts.</summary>
    public static int Characters(string text)
    {
        var count = text.Length;
        foreach (var c in text)
        {
            if (char.IsLowSurrogate(c))
            {
                count--;
            }
        }

        return count;
    }

    /// <summary>The paragraph whole, or cut between sentences into pieces that each fit in a document.</summary>
    private static IEnumerable<Piece> Pieces(string paragraph, int limit)
    {
        var length = Characters(paragraph);
        if (length <= limit)
        {
            yield return new Piece(paragraph, length, StartsParagraph: true);
            yield break;
        }

        var first = true;
        foreach (var sentence in SentenceSplitter.Split(paragraph))
        {
            foreach (var part in Cut(sentence, limit))
            {
                yield return part with { StartsParagraph = first };
                first = false;
            }
        }
    }

    /// <summary>
    /// The sentence whole, or cut at text-element boundaries into pieces of at most <paramref name="limit"/> code
    /// points (a text element longer than the limit by itself, which no language writes, is cut between code points).
    /// </summary>
    private static IEnumerable<Piece> Cut(string sentence, int limit)
    {
        var start = 0;
        var count = 0;
        var elements = StringInfo.GetTextElementEnumerator(sentence);
        while (elements.MoveNext())
        {
            var element = elements.GetTextElement();
            var points = Characters(element);
            if (count > 0 && count + points > limit)
            {
                yield return new Piece(sentence[start..elements.ElementIndex], count, StartsParagraph: false);
                start = elements.ElementIndex;
                count = 0;
            }

            if (points > limit)
            {
                foreach (var piece in CutCodePoints(element, limit))
                {
                    yield return piece;
                }

                start = elements.ElementIndex + element.Length;
                continue;
            }

            count += points;
        }

        if (count > 0)
        {
            yield return new Piece(sentence[start..], count, StartsParagraph: false);
        }
    }

    private static IEnumerable<Piece> CutCodePoints(string element, int limit)
    {
        var start = 0;
        while (start < element.Length)
        {
            var end = start;
            var count = 0;
            while (end < element.Length && count < limit)
            {
                end += char.IsHighSurrogate(element[end]) && end + 1 < element.Length ? 2 : 1;
                count++;
            }

            yield return new Piece(element[start..end], count, StartsParagraph: false);
            start = end;
        }
    }

    private readonly record struct Piece(string Text, int Characters, bool StartsParagraph);

    /// <summary>Packs pieces into documents within the per-document and per-request limits.</summary>
    private sealed class RequestBuilder(int documentCharacters)
    {
        private readonly List<ArticleDocument> _documents = [];
        private readonly StringBuilder _current = new();
        private int _currentCharacters;
        private int _requestCharacters;
        private int _requestBytes;

        /// <summary>Adds the piece, or returns false when the request is full.</summary>
        public bool TryAdd(Piece piece)
        {
            var separator = piece.StartsParagraph ? ParagraphBreak : " ";
            var joined = _currentCharacters == 0 ? piece.Characters : _currentCharacters + separator.Length + piece.Characters;
            var startsDocument = _currentCharacters == 0 || joined > documentCharacters;
            var added = startsDocument ? piece.Characters : separator.Length + piece.Characters;
            var addedBytes = Encoding.UTF8.GetByteCount(piece.Text) + (startsDocument ? 0 : separator.Length);
            if (_requestCharacters + added > AnalyzeTextLimits.RequestCharacters
                || _requestBytes + addedBytes > AnalyzeTextLimits.RequestTextBytes
                || (startsDocument && _currentCharacters > 0 && _documents.Count + 1 >= AnalyzeTextLimits.Documents))
            {
                return false;
            }

            if (startsDocument && _currentCharacters > 0)
            {
                Flush();
            }
            else if (!startsDocument)
            {
                _current.Append(separator);
            }

            _current.Append(piece.Text);
            _currentCharacters += added;
            _requestCharacters += added;
            _requestBytes += addedBytes;
            return true;
        }

        public IReadOnlyList<ArticleDocument> Finish()
        {
            if (_currentCharacters > 0)
            {
                Flush();
            }

            return _documents;
        }

        private void Flush()
        {
            _documents.Add(new ArticleDocument((_documents.Count + 1).ToString(CultureInfo.InvariantCulture), _current.ToString()));
            _current.Clear();
            _currentCharacters = 0;
        }
    }
}
