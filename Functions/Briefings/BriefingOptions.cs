using System.ComponentModel.DataAnnotations;

namespace Digest.Briefings;

/// <summary>Settings for the daily briefing (configuration section <c>Briefing</c>).</summary>
public sealed class BriefingOptions : IValidatableObject
{
    public const string SectionName = "Briefing";

    /// <summary>IANA time zone whose calendar day a briefing covers, e.g. <c>Europe/Berlin</c>. Default UTC.</summary>
    [Required]
    public string TimeZone { get; set; } = "UTC";

    public TimeZoneInfo FindTimeZone() => TimeZoneInfo.FindSystemTimeZoneById(TimeZone);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone, out _))
        {
            yield return new ValidationResult(
                $"Briefing:TimeZone '{TimeZone}' is not a known time zone; use an IANA name such as 'UTC' or 'Europe/Berlin'.",
                [nameof(TimeZone)]);
        }
    }
}
