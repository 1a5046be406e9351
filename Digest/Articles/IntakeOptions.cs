using System.ComponentModel.DataAnnotations;

namespace Digest.Articles;

/// <summary>Settings for reading articles (configuration section <c>Intake</c>).</summary>
public sealed class IntakeOptions
{
    public const string SectionName = "Intake";

    /// <summary>Largest article accepted, in bytes. Default 2 MB.</summary>
    [Range(1024, 64 * 1024 * 1024)]
    public int MaxArticleBytes { get; set; } = 2 * 1024 * 1024;
}
