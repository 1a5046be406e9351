using System.ComponentModel.DataAnnotations;

namespace Digest.Briefings;

/// <summary>Settings for the daily briefing (configuration section <c>Briefing</c>).</summary>
public sealed class BriefingOptions : IValidatableObject
{
    public const string SectionName = "Briefing";

    /// <summary>IANA time zone whose calendar day a briefing covers, e.g. <c>Europe/Berlin</c>. Default UTC.</summary>
    [Required]
    public string TimeZone { get; set; } = "UTC";

    /// <summary>
    /// Local time (in <see cref="TimeZone"/>) at which a day's briefing closes, <c>HH:mm</c>. The briefing dated D holds
    /// the articles summarized from the cutoff on D-1 up to the cutoff on D. Default 06:00.
    /// </summary>
    [Required]
    public string Cutoff { get; set; } = "06:00";

    public TimeZoneInfo FindTimeZone() => TimeZoneInfo.FindSystemTimeZoneById(TimeZone);

    public TimeOnly CutoffTime() => TimeOnly.ParseExact(Cutoff, "HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone, out _))
        {
            yield return new ValidationResult(
                $"Briefing:TimeZone '{TimeZone}' is not a known time zone; use an IANA name such as 'UTC' or 'Europe/Berlin'.",
                [nameof(TimeZone)]);
        }

        if (!TimeOnly.TryParseExact(Cutoff, "HH:mm", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out _))
        {
            yield return new ValidationResult($"Briefing:Cutoff '{Cutoff}' is not a time of day in the form HH:mm, e.g. '06:00'.", [nameof(Cutoff)]);
        }
    }
}
