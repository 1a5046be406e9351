using Microsoft.Extensions.Options;

namespace Digest.Mail;

/// <summary>
/// Start-up checks of <see cref="MailOptions"/> beyond its attributes: a setting that goes into a header (the sender's
/// name and address, Reply-To, the unsubscribe address) must not hold a CR or LF, which would end the header and start
/// another, and every address must pass <see cref="EmailAddressRules"/>. Each failure names the setting.
/// </summary>
internal sealed class MailOptionsValidator : IValidateOptions<MailOptions>
{
    public ValidateOptionsResult Validate(string? name, MailOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        foreach (var (setting, value) in new[]
        {
            (nameof(MailOptions.FromName), options.FromName),
            (nameof(MailOptions.FromAddress), options.FromAddress),
            (nameof(MailOptions.ReplyTo), options.ReplyTo),
            (nameof(MailOptions.UnsubscribeMailto), options.UnsubscribeMailto),
        })
        {
            if (EmailHeaderRules.HasLineBreak(value))
            {
                failures.Add($"{MailOptions.SectionName}:{setting} contains a line break (CR or LF), which would corrupt the email's headers; it must be a single line.");
            }
            else if (setting != nameof(MailOptions.FromName) && value is not null && !EmailAddressRules.IsValid(value))
            {
                failures.Add($"{MailOptions.SectionName}:{setting} is not an address Digest sends with (one bare address such as name@example.org).");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
