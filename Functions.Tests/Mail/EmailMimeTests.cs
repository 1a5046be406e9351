using Digest.Mail;
using MimeKit;

namespace Digest.Tests.Mail;

/// <summary>
/// What Digest asks of the MIME MimeKit writes for it (the outbox and SMTP send these bytes): every header present,
/// headers folded within 78 columns and encoded where they are not ASCII, both parts round-tripping, and no way to
/// inject a header through any value.
/// </summary>
public class EmailMimeTests
{
    private static EmailMessage Sample() => new()
    {
        From = new MailAddress("digest@news.example.org", "Digest"),
        To = new MailAddress("reader@example.com", "Ana Ruiz"),
        Subject = "Digest for November 20, 2026: Harbor bridge reopens",
        TextBody = "Harbor bridge reopens\n\nThe bridge reopened on Friday.\n",
        HtmlBody = "<!DOCTYPE html>\n<html lang=\"en\"><body><p>The bridge reopened on Friday.</p></body></html>\n",
        MessageId = "briefing-2026-11-20-0123456789abcdef@news.example.org",
        Date = new DateTimeOffset(2026, 11, 20, 6, 5, 9, TimeSpan.FromHours(-5)),
        Headers = new Dictionary<string, string>
        {
            ["List-Unsubscribe"] = "<https://news.example.org/api/unsubscribe?token=abc>",
            ["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click",
        },
    };

    private static byte[] Write(EmailMessage message)
    {
        using var stream = new MemoryStream();
        EmailMime.Write(message, stream);
        return stream.ToArray();
    }

    private static MimeMessage WriteAndRead(EmailMessage message) => MimeMessages.Parse(Write(message));

    private static string[] HeaderLines(byte[] bytes) =>
        System.Text.Encoding.ASCII.GetString(bytes).Split("\r\n\r\n")[0].Split("\r\n");

    [Fact]
    public void Write_Message_HasEveryRequiredHeader()
    {
        var mail = WriteAndRead(Sample());

        Assert.Equal(new DateTimeOffset(2026, 11, 20, 6, 5, 9, TimeSpan.FromHours(-5)), mail.Date);
        Assert.Equal("Fri, 20 Nov 2026 06:05:09 -0500", mail.Header("Date"));
        var from = Assert.Single(mail.From.Mailboxes);
        Assert.Equal(("Digest", "digest@news.example.org"), (from.Name, from.Address));
        var to = Assert.Single(mail.To.Mailboxes);
        Assert.Equal(("Ana Ruiz", "reader@example.com"), (to.Name, to.Address));
        Assert.Equal("Digest for November 20, 2026: Harbor bridge reopens", mail.Subject);
        Assert.Equal("<briefing-2026-11-20-0123456789abcdef@news.example.org>", mail.Header("Message-ID"));
        Assert.Equal("1.0", mail.Header("MIME-Version"));
        Assert.Equal("<https://news.example.org/api/unsubscribe?token=abc>", mail.Header("List-Unsubscribe"));
        Assert.Equal("List-Unsubscribe=One-Click", mail.Header("List-Unsubscribe-Post"));
    }

    [Fact]
    public void Write_ReplyToHeader_BecomesTheReplyToAddress()
    {
        var mail = WriteAndRead(Sample() with { Headers = new Dictionary<string, string> { ["Reply-To"] = "editors@news.example.org" } });

        Assert.Equal("editors@news.example.org", Assert.Single(mail.ReplyTo.Mailboxes).Address);
    }

    [Fact]
    public void Write_Bodies_ArePlainTextThenHtmlAndDecodeToTheOriginals()
    {
        var message = Sample();

        var mail = WriteAndRead(message);

        Assert.Equal(["text/plain", "text/html"], mail.BodyParts.Select(part => part.ContentType.MimeType));
        Assert.Equal(message.TextBody, mail.Body("text/plain").ReplaceLineEndings("\n"));
        Assert.Equal(message.HtmlBody, mail.Body("text/html").ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Write_LongAndNonAsciiBodies_RoundTripWithinLineLimits()
    {
        var text = string.Concat(Enumerable.Repeat("Zürich café – naïve résumé, 東京 🚆 = équipe;\t", 40)) + " \nend with space \nand=equals=";
        var message = Sample() with { TextBody = text, HtmlBody = $"<p>{text}</p>" };

        var bytes = Write(message);
        var mail = MimeMessages.Parse(bytes);

        Assert.Equal(text, mail.Body("text/plain").ReplaceLineEndings("\n"));
        Assert.Equal($"<p>{text}</p>", mail.Body("text/html").ReplaceLineEndings("\n"));
        var lines = System.Text.Encoding.ASCII.GetString(bytes).Split("\r\n");
        Assert.All(lines, line => Assert.True(line.Length <= 78, $"{line.Length}: {line}"));
        Assert.All(lines, line => Assert.False(line.EndsWith(' ') || line.EndsWith('\t'), $"trailing space: {line}"));
    }

    [Fact]
    public void Write_BodyThatMimicsTheBoundary_CannotEndAPart()
    {
        var sneaky = "--=_Digest_000000000000000000000000\n--=_Digest_000000000000000000000000--\n=_ =_Digest_ --";
        var message = Sample() with { TextBody = sneaky, HtmlBody = sneaky };

        var bytes = Write(message);
        var mail = MimeMessages.Parse(bytes);

        Assert.Equal(2, mail.BodyParts.Count());
        Assert.Equal(sneaky, mail.Body("text/plain").ReplaceLineEndings("\n"));
        var boundary = Assert.IsType<MultipartAlternative>(mail.Body).Boundary;
        Assert.Equal(3, System.Text.Encoding.ASCII.GetString(bytes).Split("--" + boundary).Length - 1);
    }

    [Fact]
    public void Write_SameMessage_GivesSameBytes()
    {
        Assert.Equal(Write(Sample()), Write(Sample()));
    }

    [Theory]
    [InlineData("Digest für den 20. November: Brücke öffnet", 78)]
    [InlineData("東京の橋が再開 🚆 and a fairly long English tail that forces the header to fold twice over", 78)]
    [InlineData("An ASCII subject long enough that it has to be folded over several lines because it is far longer than 78", 78)]
    // No space to fold at: MimeKit splits the word into encoded-words of at most 75 characters, one per line.
    [InlineData("Unbreakable-ASCII-subject-without-any-spaces-at-all-that-is-much-longer-than-seventy-eight-characters", 9 + 75)]
    public void Write_Subject_RoundTripsAndFolds(string subject, int longestLine)
    {
        var bytes = Write(Sample() with { Subject = subject });

        Assert.Equal(subject, MimeMessages.Parse(bytes).Subject);
        Assert.All(HeaderLines(bytes), line => Assert.True(line.Length <= longestLine, $"{line.Length}: {line}"));
    }

    [Fact]
    public void Write_LongListUnsubscribe_IsFoldedBetweenLinksAndNeverEncoded()
    {
        var token = string.Concat(Enumerable.Repeat("AbCdEfGhIj", 8)) + ".sig_-";
        var value = $"<https://news.example.org/api/unsubscribe?token={token}>, <mailto:leave@news.example.org?subject=unsubscribe%20{token}>";

        var bytes = Write(Sample() with { Headers = new Dictionary<string, string> { ["List-Unsubscribe"] = value } });

        Assert.Equal(value, MimeMessages.Parse(bytes).Header("List-Unsubscribe"));
        var header = string.Join("\r\n", HeaderLines(bytes).SkipWhile(line => !line.StartsWith("List-Unsubscribe:", StringComparison.Ordinal))
            .TakeWhile((line, i) => i == 0 || line.StartsWith(' ')));
        Assert.DoesNotContain("=?", header);
        Assert.Contains($"\r\n <mailto:", header);
    }

    [Theory]
    [InlineData("José Ñúñez")]
    [InlineData("Ruiz, \"Ana\" \\ Desk")]
    [InlineData("Ana Ruiz from the Night Desk of the Regional Newspaper for the Harbor and the Old Town")]
    public void Write_DisplayName_IsQuotedOrEncodedAndRoundTrips(string name)
    {
        var bytes = Write(Sample() with { To = new MailAddress("reader@example.com", name) });

        var to = Assert.Single(MimeMessages.Parse(bytes).To.Mailboxes);
        Assert.Equal((name, "reader@example.com"), (to.Name, to.Address));
        Assert.All(HeaderLines(bytes), line => Assert.True(line.Length <= 78, $"{line.Length}: {line}"));
    }

    public static TheoryData<string, Func<EmailMessage, EmailMessage>> HeaderInjections => new()
    {
        { "subject CR LF", m => m with { Subject = "Hello\r\nBcc: victim@example.com" } },
        { "subject LF", m => m with { Subject = "Hello\nBcc: victim@example.com" } },
        { "subject CR", m => m with { Subject = "Hello\rBcc: victim@example.com" } },
        { "display name", m => m with { To = new MailAddress("reader@example.com", "Ana\r\nBcc: victim@example.com") } },
        { "from name", m => m with { From = new MailAddress("digest@news.example.org", "Digest\n") } },
        { "address", m => m with { To = new MailAddress("reader@example.com\r\nBcc: victim@example.com") } },
        { "message id", m => m with { MessageId = "a@b.example\r\nBcc: victim@example.com" } },
        { "extra header value", m => m with { Headers = new Dictionary<string, string> { ["List-Unsubscribe"] = "<https://a.example/>\r\nBcc: victim@example.com" } } },
        { "extra header name", m => m with { Headers = new Dictionary<string, string> { ["X-Bad\r\nBcc"] = "v" } } },
        { "reply-to", m => m with { Headers = new Dictionary<string, string> { ["Reply-To"] = "editors@example.org\r\nBcc: victim@example.com" } } },
    };

    [Theory]
    [MemberData(nameof(HeaderInjections))]
    public void Write_LineBreakInAnyHeader_IsRejectedBeforeWriting(string where, Func<EmailMessage, EmailMessage> inject)
    {
        using var stream = new MemoryStream();

        var error = Assert.ThrowsAny<ArgumentException>(() => EmailMime.Write(inject(Sample()), stream));

        Assert.False(string.IsNullOrWhiteSpace(error.Message), where);
        Assert.Equal(0, stream.Length);
    }

    [Theory]
    [InlineData("")]
    [InlineData("reader")]
    [InlineData("reader@")]
    [InlineData("@example.com")]
    [InlineData("reader@@example.com")]
    [InlineData("rea@der@example.com")]
    [InlineData("rea der@example.com")]
    [InlineData("reader@exa mple.com")]
    [InlineData("reader@example")]
    [InlineData("reader@example..com")]
    [InlineData("reader@-example.com")]
    [InlineData("reader@.example.com")]
    [InlineData(".reader@example.com")]
    [InlineData("rea..der@example.com")]
    [InlineData("\"quoted\"@example.com")]
    [InlineData("<reader@example.com>")]
    [InlineData("reader@example.com>")]
    [InlineData("réader@example.com")]
    [InlineData("reader@exämple.com")]
    [InlineData("reader\u0000@example.com")]
    [InlineData("reader@[127.0.0.1]")]
    public void Write_InvalidAddress_IsRejected(string address)
    {
        var error = Assert.Throws<ArgumentException>(() => EmailMime.Write(Sample() with { To = new MailAddress(address) }, Stream.Null));

        Assert.Contains("not valid", error.Message);
        Assert.False(EmailAddressRules.IsValid(address));
    }

    [Theory]
    [InlineData("reader@example.com")]
    [InlineData("first.last+digest@mail.example.co.uk")]
    [InlineData("o'neil@example.org")]
    [InlineData("digest@localhost")]
    public void Write_ValidAddress_IsAcceptedBare(string address)
    {
        var mail = WriteAndRead(Sample() with { To = new MailAddress(address) });

        Assert.Equal(address, mail.Header("To"));
        Assert.True(EmailAddressRules.IsValid(address));
    }

    [Theory]
    [InlineData("Subject")]
    [InlineData("content-type")]
    [InlineData("Message-ID")]
    [InlineData("Bcc")]
    public void Write_ExtraHeaderThatTheMessageOwns_IsRejected(string name)
    {
        var message = Sample() with { Headers = new Dictionary<string, string> { [name] = "x" } };

        Assert.Throws<ArgumentException>(() => EmailMime.Write(message, Stream.Null));
    }

    [Theory]
    [InlineData("not-an-id")]
    [InlineData("<a@b.example>")]
    [InlineData("a b@c.example")]
    public void Write_InvalidMessageId_IsRejected(string messageId)
    {
        Assert.Throws<ArgumentException>(() => EmailMime.Write(Sample() with { MessageId = messageId }, Stream.Null));
    }

    [Fact]
    public void Write_NonAsciiExtraHeader_IsRejected()
    {
        var message = Sample() with { Headers = new Dictionary<string, string> { ["X-Note"] = "café" } };

        Assert.Throws<ArgumentException>(() => EmailMime.Write(message, Stream.Null));
    }
}
