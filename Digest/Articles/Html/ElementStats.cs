namespace Digest.Articles.Html;

/// <summary>Text measurements of one element's visible content (dropped furniture excluded).</summary>
internal sealed class ElementStats
{
    /// <summary>Non-whitespace characters of text.</summary>
    public int TextLength { get; set; }

    /// <summary>Non-whitespace characters of text inside links.</summary>
    public int LinkTextLength { get; set; }

    public int Commas { get; set; }

    /// <summary>Paragraph-like descendants with at least a sentence of text.</summary>
    public int Paragraphs { get; set; }

    /// <summary>Non-whitespace characters of text inside block quotes (quoted statements and embedded posts).</summary>
    public int QuoteTextLength { get; set; }

    public int Images { get; set; }

    public int Inputs { get; set; }

    /// <summary>Non-whitespace characters of text that is not inside a block-level child.</summary>
    public int InlineTextLength { get; set; }

    public bool HasBlockChild { get; set; }

    /// <summary>Share of the text that is link text, 0..1.</summary>
    public double LinkDensity => TextLength == 0 ? 0 : (double)LinkTextLength / TextLength;

    public void Add(ElementStats child)
    {
        TextLength += child.TextLength;
        LinkTextLength += child.LinkTextLength;
        Commas += child.Commas;
        Paragraphs += child.Paragraphs;
        QuoteTextLength += child.QuoteTextLength;
        Images += child.Images;
        Inputs += child.Inputs;
    }
}
