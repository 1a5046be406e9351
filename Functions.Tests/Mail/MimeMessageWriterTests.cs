using Digest.Mail;

namespace Digest.Tests.Mail;

public class MimeMessageWriterTests
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

    internal static MimeReader WriteAndRead(EmailMessage message)
    {
        using var stream = new MemoryStream();
        MimeMessageWriter.Write(message, stream);
        return MimeReader.Parse(stream.ToArray());
    }

    [Fact]
    public void Write_Message_HasEveryRequiredHeader()
    {
        var mail = WriteAndRead(Sample());

        Assert.Equal("Fri, 20 Nov 2026 06:05:09 -0500", mail.Header("Date"));
        Assert.Equal("\"Digest\" <digest@news.example.org>", mail.Header("From"));
        Assert.Equal("\"Ana Ruiz\" <reader@example.com>", mail.Header("To"));
        Assert.Equal("Digest for November 20, 2026: Harbor bridge reopens", mail.Header("Subject"));
        Assert.Equal("<briefing-2026-11-20-0123456789abcdef@news.example.org>", mail.Header("Message-ID"));
        Assert.Equal("1.0", mail.Header("MIME-Version"));
        Assert.Equal("<https://news.example.org/api/unsubscribe?token=abc>", mail.Header("List-Unsubscribe"));
        Assert.Equal("List-Unsubscribe=One-Click", mail.Header("List-Unsubscribe-Post"));
    }

    [Fact]
    public void Write_Bodies_ArePlainTextThenHtmlAndDecodeToTheOriginals()
    {
        var message = Sample();

        var mail = WriteAndRead(message);

        Assert.Equal(["text/plain", "text/html"], mail.Parts.Select(part => part.MediaType));
        Assert.Equal(message.TextBody.ReplaceLineEndings("\r\n"), mail.Body("text/plain"));
        Assert.Equal(message.HtmlBody.ReplaceLineEndings("\r\n"), mail.Body("text/html"));
    }

    [Fact]
    public void Write_LongAndNonAsciiBodies_RoundTripWithinLineLimits()
    {
        var text = string.Concat(Enumerable.Repeat("Zürich café – naïve résumé, 東京 🚆 = équipe;\t", 40)) + " \nend with space \nand=equals=";
        var message = Sample() with { TextBody = text, HtmlBody = $"<p>{text}</p>" };

        var mail = WriteAndRead(message);

        Assert.Equal(text.ReplaceLineEndings("\r\n"), mail.Body("text/plain"));
        Assert.Equal($"<p>{text}</p>".ReplaceLineEndings("\r\n"), mail.Body("text/html"));
        Assert.All(mail.Raw.Split("\r\n"), line => Assert.True(line.Length <= 78, $"{line.Length}: {line}"));
        Assert.All(mail.Raw.Split("\r\n"), line => Assert.False(line.EndsWith(' ') || line.EndsWith('\t'), $"trailing space: {line}"));
    }

    [Fact]
    public void Write_BodyThatMimicsTheBoundary_CannotEndAPart()
    {
        var sneaky = "--=_Digest_000000000000000000000000\n--=_Digest_000000000000000000000000--\n=_ =_Digest_ --";
        var message = Sample() with { TextBody = sneaky, HtmlBody = sneaky };

        var mail = WriteAndRead(message);

        Assert.Equal(2, mail.Parts.Count);
        Assert.Equal(sneaky.ReplaceLineEndings("\r\n"), mail.Body("text/plain"));
        Assert.Equal(3, mail.Raw.Split("--" + mail.Boundary).Length - 1);
    }

    [Fact]
    public void Write_SameMessage_GivesSameBytes()
    {
        using var first = new MemoryStream();
        using var second = new MemoryStream();

        MimeMessageWriter.Write(Sample(), first);
        MimeMessageWriter.Write(Sample(), second);

        Assert.Equal(first.ToArray(), second.ToArray());
    }

    [Theory]
    [InlineData("Digest für den 20. November: Brücke öffnet")]
    [InlineData("東京の橋が再開 🚆 and a fairly long English tail that forces the header to fold twice over")]
    [InlineData("Plain ASCII that looks like =?UTF-8?B?SGk=?= an encoded word")]
    [InlineData("An ASCII subject long enough that it has to be folded over several lines because it is far longer than 78")]
    [InlineData("Unbreakable-ASCII-subject-without-any-spaces-at-all-that-is-much-longer-than-seventy-eight-characters")]
    public void Write_Subject_RoundTripsAndFoldsWithin78Columns(string subject)
    {
        var mail = WriteAndRead(Sample() with { Subject = subject });

        Assert.Equal(subject, mail.Header("Subject"));
        Assert.All(mail.Raw.Split("\r\n\r\n")[0].Split("\r\n"), line => Assert.True(line.Length <= 78, $"{line.Length}: {line}"));
    }

    [Theory]
    [InlineData("José Ñúñez")]
    [InlineData("Ruiz, \"Ana\" \\ Desk")]
    [InlineData("=?UTF-8?B?SGk=?=")]
    public void Write_DisplayName_IsQuotedOrEncodedAndRoundTrips(string name)
    {
        var mail = WriteAndRead(Sample() with { To = new MailAddress("reader@example.com", name) });

        var to = mail.Header("To");
        Assert.EndsWith(" <reader@example.com>", to);
        var phrase = to[..^" <reader@example.com>".Length];
        var decoded = phrase.StartsWith('"')
            ? phrase[1..^1].Replace("\\\"", "\"", StringComparison.Ordinal).Replace("\\\\", "\\", StringComparison.Ordinal)
            : phrase;
        Assert.Equal(name, decoded);
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
    };

    [Theory]
    [MemberData(nameof(HeaderInjections))]
    public void Write_LineBreakInAnyHeader_IsRejectedBeforeWriting(string where, Func<EmailMessage, EmailMessage> inject)
    {
        using var stream = new MemoryStream();

        var error = Assert.ThrowsAny<ArgumentException>(() => MimeMessageWriter.Write(inject(Sample()), stream));

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
    public void Write_InvalidAddress_IsRejected(string address)
    {
        using var stream = new MemoryStream();

        var error = Assert.Throws<ArgumentException>(() => MimeMessageWriter.Write(Sample() with { To = new MailAddress(address) }, stream));

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
    }

    [Theory]
    [InlineData("Subject")]
    [InlineData("content-type")]
    [InlineData("Message-ID")]
    public void Write_ExtraHeaderThatTheWriterOwns_IsRejected(string name)
    {
        var message = Sample() with { Headers = new Dictionary<string, string> { [name] = "x" } };

        Assert.Throws<ArgumentException>(() => MimeMessageWriter.Write(message, Stream.Null));
    }

    [Theory]
    [InlineData("not-an-id")]
    [InlineData("<a@b.example>")]
    [InlineData("a b@c.example")]
    public void Write_InvalidMessageId_IsRejected(string messageId)
    {
        Assert.Throws<ArgumentException>(() => MimeMessageWriter.Write(Sample() with { MessageId = messageId }, Stream.Null));
    }

    [Fact]
    public void Write_NonAsciiExtraHeader_IsRejected()
    {
        var message = Sample() with { Headers = new Dictionary<string, string> { ["X-Note"] = "café" } };

        Assert.Throws<ArgumentException>(() => MimeMessageWriter.Write(message, Stream.Null));
    }
}
