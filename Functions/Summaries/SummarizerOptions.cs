using System.ComponentModel.DataAnnotations;

namespace Digest.Summaries;

/// <summary>Settings for summaries (configuration section <c>Summarizer</c>).</summary>
public sealed class SummarizerOptions
{
    public const string SectionName = "Summarizer";

    /// <summary>Which summarizer to use. <c>builtin</c> (default) needs no network.</summary>
    [Required]
    public string Provider { get; set; } = "builtin";

    /// <summary>Sentences per article summary.</summary>
    [Range(1, 10)]
    public int Sentences { get; set; } = 3;

    /// <summary>Key phrases per article.</summary>
    [Range(0, 20)]
    public int KeyPhrases { get; set; } = 5;
}
