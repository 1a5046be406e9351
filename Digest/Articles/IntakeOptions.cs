using System.ComponentModel.DataAnnotations;

namespace Digest.Articles;

/// <summary>Settings for reading articles (configuration section <c>Intake</c>).</summary>
public sealed class IntakeOptions
{
    public const string SectionName = "Intake";

    /// <summary>Largest article accepted, in bytes. Default 2 MB.</summary>
    [Range(1024, 64 * 1024 * 1024)]
    public int MaxArticleBytes { get; set; } = 2 * 1024 * 1024;

    /// <summary>
    /// ISO 639-1 code of the edition's language (default <c>en</c>): an article confidently identified as another
    /// language is set aside with that reason. <c>any</c> turns the check off.
    /// </summary>
    [Required]
    [CustomValidation(typeof(IntakeOptions), nameof(ValidateLanguage))]
    public string Language { get; set; } = "en";

    /// <summary>Accepts a language code Lingua knows, or <c>any</c>.</summary>
    public static ValidationResult? ValidateLanguage(string? value, ValidationContext context) =>
        EditionLanguage.IsKnown(value)
            ? ValidationResult.Success
            : new ValidationResult($"Intake:Language '{value}' is not an ISO 639-1 language code (such as en, nl, de) or 'any'", [context.MemberName ?? nameof(Language)]);
}
