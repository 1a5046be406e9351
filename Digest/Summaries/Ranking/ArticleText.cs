using Digest.Language;
using Digest.Summaries.Screening;

namespace Digest.Summaries.Ranking;

/// <summary>One sentence of an article body and where it stands.</summary>
/// <param name="Text">The sentence, with any leading dateline (<c>WASHINGTON (AP) —</c>) removed.</param>
/// <param name="Paragraph">Index of its paragraph in the body.</param>
/// <param name="TokenStart">Index of its first token in <see cref="ArticleText.Tokens"/>.</param>
/// <param name="TokenCount">How many tokens it has.</param>
internal sealed record SentenceText(string Text, int Paragraph, int TokenStart, int TokenCount);

/// <summary>What a token is, beyond its term.</summary>
[Flags]
internal enum TokenFlags : byte
{
    None = 0,
    StopWord = 1,
    Number = 2,
    VerbHint = 4,

    /// <summary>An amount word (<c>billion</c>, <c>percent</c>).</summary>
    Quantity = 8,

    /// <summary>Too general to be a key phrase alone (<c>time</c>, <c>new</c>).</summary>
    Generic = 16,
}

/// <summary>A word token: its place in its sentence's text and the id of its stemmed term.</summary>
internal readonly record struct Token(int Start, int Length, int Term, TokenFlags Flags)
{
    public int End => Start + Length;
}

/// <summary>
/// An article body split into sentences, each word token mapped to a term id (one id per stem). Term ids are dense
/// (0..<see cref="TermCount"/>-1) so that ranking can use arrays instead of dictionaries.
/// </summary>
internal sealed class ArticleText
{
    private ArticleText(List<SentenceText> sentences, List<Token> tokens, TermVocabulary vocabulary)
    {
        Sentences = sentences;
        Tokens = tokens;
        Vocabulary = vocabulary;
    }

    public List<SentenceText> Sentences { get; }

    public List<Token> Tokens { get; }

    public TermVocabulary Vocabulary { get; }

    public int TermCount => Vocabulary.TermCount;

    /// <summary>The tokens of <paramref name="sentence"/>.</summary>
    public ReadOnlySpan<Token> TokensOf(SentenceText sentence) =>
        System.Runtime.InteropServices.CollectionsMarshal.AsSpan(Tokens).Slice(sentence.TokenStart, sentence.TokenCount);

    /// <summary>Splits and tokenizes <paramref name="paragraphs"/>.</summary>
    public static ArticleText Analyze(IReadOnlyList<string> paragraphs)
    {
        var vocabulary = new TermVocabulary();
        var sentences = new List<SentenceText>();
        var tokens = new List<Token>(256);
        for (var p = 0; p < paragraphs.Count; p++)
        {
            var split = SentenceSplitter.Split(paragraphs[p]);
            for (var s = 0; s < split.Count; s++)
            {
                var text = s == 0 ? Dateline.StripPrefix(split[s]) : split[s];
                var tokenStart = tokens.Count;
                vocabulary.AddTokens(text, tokens);
                sentences.Add(new SentenceText(text, p, tokenStart, tokens.Count - tokenStart));
            }
        }

        return new ArticleText(sentences, tokens, vocabulary);
    }
}
