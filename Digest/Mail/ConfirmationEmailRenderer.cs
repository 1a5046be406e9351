using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Digest.Briefings.Rendering;

namespace Digest.Mail;

/// <summary>
/// The double opt-in email: one sentence, a large confirm button, the link written out for clients that hide
/// buttons, and a footer saying that ignoring the email changes nothing. Same email-safe layout as the briefing.
/// </summary>
internal static class ConfirmationEmailRenderer
{
    public const string Subject = "Confirm your " + BriefingWording.Brand + " subscription";

    private const string Intro = "Please confirm that you want the " + BriefingWording.Brand + " daily briefing at this address.";
    private const string Button = "Confirm subscription";
    private const string Ignore = "If you did not ask for this, ignore this email: you will not be subscribed.";

    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    /// <param name="confirmUrl">An absolute http or https link, already normalised.</param>
    /// <param name="postalAddress">The sender's postal address, when set.</param>
    public static (string Html, string Text) Render(string confirmUrl, string? postalAddress)
    {
        var address = InlineText.Clean(postalAddress);
        var text = new StringBuilder()
            .Append(BriefingWording.Brand.ToUpperInvariant()).Append("\n\n");
        TextWrapper.AppendWrapped(text, Intro, BriefingTextRenderer.Width, string.Empty, string.Empty);
        text.Append('\n').Append(Button).Append(": ").Append(confirmUrl).Append("\n\n-- \n");
        TextWrapper.AppendWrapped(text, Ignore, BriefingTextRenderer.Width, string.Empty, string.Empty);
        if (address.Length > 0)
        {
            TextWrapper.AppendWrapped(text, address, BriefingTextRenderer.Width, string.Empty, string.Empty);
        }

        var url = Encoder.Encode(confirmUrl);
        var html = new StringBuilder(4096)
            .Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<meta name=\"color-scheme\" content=\"light dark\">\n<meta name=\"supported-color-schemes\" content=\"light dark\">\n")
            .Append("<title>").Append(Encoder.Encode(Subject)).Append("</title>\n</head>\n")
            .Append("<body style=\"margin:0;padding:0;background-color:#f4f4f5;\">\n")
            .Append("<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\" style=\"background-color:#f4f4f5;\">\n")
            .Append("<tr><td align=\"center\" style=\"padding:16px 8px;\">\n")
            .Append("<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\" style=\"width:100%;max-width:600px;background-color:#ffffff;color:#18181b;\">\n")
            .Append("<tr><td style=\"font-family:Helvetica,Arial,sans-serif;padding:24px;font-size:16px;line-height:1.5;\">\n")
            .Append("<p style=\"margin:0 0 16px;font-size:13px;font-weight:bold;letter-spacing:1px;text-transform:uppercase;color:#52525b;\">")
            .Append(BriefingWording.Brand).Append("</p>\n")
            .Append("<p style=\"margin:0 0 24px;\">").Append(Encoder.Encode(Intro)).Append("</p>\n")
            .Append("<p style=\"margin:0 0 24px;\"><a href=\"").Append(url)
            .Append("\" style=\"display:inline-block;padding:12px 20px;background-color:#1d4ed8;color:#ffffff;font-weight:bold;text-decoration:none;border-radius:4px;\">")
            .Append(Button).Append("</a></p>\n")
            .Append("<p style=\"margin:0 0 8px;font-size:13px;color:#52525b;word-break:break-all;\">Or open this link: <a href=\"").Append(url)
            .Append("\" style=\"color:#1d4ed8;\">").Append(url).Append("</a></p>\n")
            .Append("<p style=\"margin:16px 0 8px;font-size:13px;color:#52525b;\">").Append(Encoder.Encode(Ignore)).Append("</p>\n");
        if (address.Length > 0)
        {
            html.Append("<p style=\"margin:0;font-size:13px;color:#52525b;\">").Append(Encoder.Encode(address)).Append("</p>\n");
        }

        html.Append("</td></tr>\n</table>\n</td></tr>\n</table>\n</body>\n</html>\n");
        return (html.ToString(), text.ToString());
    }
}
