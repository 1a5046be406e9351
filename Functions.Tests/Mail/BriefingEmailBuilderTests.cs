using System.ComponentModel.DataAnnotations;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using Digest.Briefings;
using Digest.Mail;
using Digest.Tests.Briefings.Rendering;
using Microsoft.Extensions.Options;
using Xunit.Abstractions;

namespace Digest.Tests.Mail;

public sealed class BriefingEmailBuilderTests(ITestOutputHelper output) : IDisposable
{
    private const string Recipient = "Reader@Example.com";
    private static readonly string UnsubscribeUrl = MailTestSupport.UnsubscribeUrl(Recipient);
    private static readonly DateTimeOffset SentAt = MailTestSupport.SentAt;

    private readonly string _outbox = Path.Combine(Path.GetTempPath(), "digest-mail-tests", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_outbox))
        {
            Directory.Delete(_outbox, recursive: true);
        }
    }

    private static BriefingEmailBuilder Builder(Action<MailOptions>? configure = null) => MailTestSupport.Builder(configure);

    private async Task<MimeKit.MimeMessage> SendAndRead(EmailMessage message)
    {
        var sender = new OutboxEmailSender(_outbox);
        await sender.SendAsync(message);
        return MimeMessages.Parse(await File.ReadAllBytesAsync(sender.PathFor(message.MessageId)));
    }

    [Fact]
    public void Build_Briefing_HasSubjectWithDateAndTopHeadline()
    {
        var message = Builder().Build(SampleBriefings.Typical(), Recipient, SentAt);

        Assert.Equal("Digest for November 20, 2026: Harbor bridge reopens after repairs", message.Subject);
    }

    [Fact]
    public void Build_LongHeadlineWithLineBreaks_GivesOneLineSubjectOfAtMost120Characters()
    {
        var briefing = SampleBriefings.Typical() with
        {
            Stories = [new Story { Headline = "Council\r\nvotes " + string.Concat(Enumerable.Repeat("on the very long harbor plan ", 10)), Summary = ["S."], Sources = [] }],
        };

        var subject = Builder().Build(briefing, Recipient, SentAt).Subject;

        Assert.StartsWith("Digest for November 20, 2026: Council votes on the very long harbor plan", subject);
        Assert.True(subject.Length <= BriefingEmailBuilder.MaxSubjectLength, subject);
        Assert.EndsWith("\u2026", subject);
        Assert.Contains(subject[..^1] + " ", "Digest for November 20, 2026: " + InlineHeadline(briefing));
        Assert.DoesNotContain('\r', subject);
        Assert.DoesNotContain('\n', subject);
    }

    private static string InlineHeadline(Briefing briefing) => string.Join(' ', briefing.Stories[0].Headline.Split((char[])['\r', '\n', ' '], StringSplitOptions.RemoveEmptyEntries));

    [Fact]
    public void Build_MessageId_DependsOnDateAndRecipientOnly()
    {
        var builder = Builder();

        var first = builder.Build(SampleBriefings.Typical(), Recipient, SentAt).MessageId;
        var again = builder.Build(SampleBriefings.Typical(), "reader@example.com", SentAt.AddHours(3)).MessageId;
        var otherReader = builder.Build(SampleBriefings.Typical(), "other@example.com", SentAt).MessageId;
        var otherDay = builder.Build(SampleBriefings.Typical() with { Date = new DateOnly(2026, 11, 21) }, Recipient, SentAt).MessageId;

        var recipientHash = Convert.ToHexStringLower(SHA256.HashData("reader@example.com"u8))[..16];
        Assert.Equal($"briefing-2026-11-20-{recipientHash}@digest.example.org", first);
        Assert.Equal(first, again);
        Assert.NotEqual(first, otherReader);
        Assert.StartsWith("briefing-2026-11-21-", otherDay);
    }

    [Theory]
    [InlineData("http://localhost:7071", "digest.local")]
    [InlineData("https://news.example.org:8443/digest", "news.example.org")]
    [InlineData("http://127.0.0.1:7071", "digest.local")]
    public void Build_MessageIdDomain_IsThePublicHostOrDigestLocal(string publicBaseUrl, string domain)
    {
        var message = Builder(options => options.PublicBaseUrl = publicBaseUrl).Build(SampleBriefings.Typical(), Recipient, SentAt);

        Assert.EndsWith("@" + domain, message.MessageId);
    }

    [Fact]
    public void Build_Headers_OfferOneClickUnsubscribe()
    {
        var message = Builder().Build(SampleBriefings.Typical(), Recipient, SentAt);

        Assert.Equal($"<{UnsubscribeUrl}>", message.Headers["List-Unsubscribe"]);
        Assert.Equal("List-Unsubscribe=One-Click", message.Headers["List-Unsubscribe-Post"]);
        Assert.False(message.Headers.ContainsKey("Reply-To"));
        Assert.Equal(UnsubscribeUrl, Builder().UnsubscribeUrl(Recipient));
    }

    [Fact]
    public void Build_WithUnsubscribeMailto_OffersHttpsAndMailtoLinks()
    {
        var message = Builder(options => options.UnsubscribeMailto = "leave@digest.example.org").Build(SampleBriefings.Typical(), Recipient, SentAt);

        var token = UnsubscribeUrl[(UnsubscribeUrl.IndexOf('=') + 1)..];
        Assert.Equal($"<{UnsubscribeUrl}>, <mailto:leave@digest.example.org?subject=unsubscribe%20{token}>", message.Headers["List-Unsubscribe"]);
    }

    [Fact]
    public void BuildBatch_SeveralRecipients_ShareContentAndEachGetsOwnLinkHeaderAndId()
    {
        string[] recipients = ["ada@example.com", "bo@example.org", "cy@example.net"];

        var batch = Builder().BuildBatch(SampleBriefings.Typical(), recipients, SentAt);

        Assert.Equal(BriefingEmailBuilder.BriefingCategory, batch.Category);
        Assert.Equal("List-Unsubscribe=One-Click", batch.Headers["List-Unsubscribe-Post"]);
        Assert.Equal(recipients, batch.Recipients.Select(r => r.To.Address));
        Assert.Equal(3, batch.Recipients.Select(r => r.MessageId).Distinct().Count());
        var tag = Assert.Single(batch.Recipients[0].Substitutions).Key;
        Assert.Single(batch.HtmlBody.Split(tag)[1..]);
        Assert.Single(batch.TextBody.Split(tag)[1..]);
        foreach (var recipient in batch.Recipients)
        {
            var url = MailTestSupport.UnsubscribeUrl(recipient.To.Address);
            var message = batch.MessageFor(recipient);
            Assert.Equal($"<{url}>", message.Headers["List-Unsubscribe"]);
            Assert.Contains($"href=\"{url}\"", message.HtmlBody);
            Assert.Contains(url, message.TextBody);
            Assert.DoesNotContain(tag, message.HtmlBody + message.TextBody + message.Subject);
            Assert.Equal(Builder().Build(SampleBriefings.Typical(), recipient.To.Address, SentAt), message, EmailComparer.Instance);
        }
    }

    [Fact]
    public void BuildBatch_ArticleQuotingATagLikeText_NeverGetsAReadersToken()
    {
        var tagLike = "-unsubscribe-token-0123456789abcdef0123-";
        var briefing = SampleBriefings.Typical() with
        {
            Stories = [new Story { Headline = "Tags " + tagLike, Summary = [tagLike + " in a summary."], Sources = [] }],
        };

        var message = Builder().Build(briefing, Recipient, SentAt);

        Assert.Contains(tagLike, message.Subject);
        Assert.Contains(tagLike + " in a summary.", message.TextBody);
        // Preheader, headline and summary: each still shows the article's own words.
        Assert.Equal(3, message.HtmlBody.Split(tagLike).Length - 1);
    }

    [Fact]
    public void BuildBatch_InvalidRecipientAnywhere_IsRejectedBeforeAnythingIsBuilt()
    {
        Assert.Throws<ArgumentException>(() => Builder().BuildBatch(SampleBriefings.Typical(), ["ada@example.com", "bad\r\n@example.com"], SentAt));
    }

    [Fact]
    public async Task BuildConfirmation_Email_AsksToConfirmWithTheLinkInBothParts()
    {
        var confirmUrl = "https://digest.example.org/api/confirm?token=xyz.abc";

        var message = Builder().BuildConfirmation(Recipient, confirmUrl);
        var mail = await SendAndRead(message);

        Assert.Equal("Confirm your Digest subscription", mail.Header("Subject"));
        Assert.Equal(Recipient, mail.Header("To"));
        Assert.Equal("Fri, 20 Nov 2026 06:00:00 +0000", mail.Header("Date"));
        Assert.False(mail.HasHeader("List-Unsubscribe"));
        Assert.Contains(confirmUrl, mail.Body("text/plain"));
        var html = new HtmlParser().ParseDocument(mail.Body("text/html"));
        Assert.Equal("en", html.DocumentElement.GetAttribute("lang"));
        Assert.Contains(html.QuerySelectorAll("a"), a => a.GetAttribute("href") == confirmUrl && a.TextContent == "Confirm subscription");
        Assert.Contains("Digest, 1 Harbor Road, Port Town", mail.Body("text/plain"));
        Assert.Empty(html.QuerySelectorAll("script, link, img"));
        Assert.StartsWith("confirm-", message.MessageId);
        Assert.NotEqual(message.MessageId, Builder().BuildConfirmation(Recipient, confirmUrl + "2").MessageId);
        Assert.Equal(message.MessageId, Builder().BuildConfirmation(Recipient, confirmUrl).MessageId);
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("/api/confirm?token=x")]
    [InlineData("")]
    public void BuildConfirmation_LinkNotHttp_IsRejected(string url)
    {
        Assert.Throws<ArgumentException>(() => Builder().BuildConfirmation(Recipient, url));
    }

    [Theory]
    [InlineData("reader@example.com\r\nBcc: victim@example.com")]
    [InlineData("no-at-sign")]
    public void BuildConfirmation_InvalidAddress_IsRejected(string email)
    {
        Assert.Throws<ArgumentException>(() => Builder().BuildConfirmation(email, "https://digest.example.org/api/confirm?token=x"));
    }

    [Fact]
    public void Build_WithReplyTo_AddsReplyToHeader()
    {
        var message = Builder(options => options.ReplyTo = "editors@digest.example.org").Build(SampleBriefings.Typical(), Recipient, SentAt);

        Assert.Equal("editors@digest.example.org", message.Headers["Reply-To"]);
    }

    [Theory]
    [InlineData("reader@example.com\r\nBcc: victim@example.com")]
    [InlineData("not an address")]
    [InlineData("reader@example")]
    public void Build_InvalidRecipient_IsRejected(string recipient)
    {
        Assert.Throws<ArgumentException>(() => Builder().Build(SampleBriefings.Typical(), recipient, SentAt));
    }

    [Theory]
    [InlineData("FromAddress", "not-an-address")]
    [InlineData("PublicBaseUrl", "ftp://digest.example.org")]
    [InlineData("PublicBaseUrl", "digest.example.org")]
    [InlineData("FromName", "")]
    [InlineData("ReplyTo", "nobody")]
    [InlineData("UnsubscribeMailto", "nobody")]
    [InlineData("Sender", "carrier-pigeon")]
    public void Constructor_InvalidOptions_AreRejected(string property, string value)
    {
        var options = new MailOptions();
        typeof(MailOptions).GetProperty(property)!.SetValue(options, value);

        Assert.False(Validator.TryValidateObject(options, new ValidationContext(options), null, validateAllProperties: true));
        Assert.Throws<ValidationException>(() => new BriefingEmailBuilder(Options.Create(options), MailTestSupport.Tokens, TimeProvider.System));
    }

    [Fact]
    public void Constructor_FromNameWithLineBreak_IsRejected()
    {
        Assert.Throws<ArgumentException>(() => Builder(options => options.FromName = "Digest\r\nBcc: victim@example.com"));
    }

    [Fact]
    public void Constructor_DefaultOptions_AreValid()
    {
        var options = new MailOptions();

        Assert.True(Validator.TryValidateObject(options, new ValidationContext(options), null, validateAllProperties: true));
        var message = new BriefingEmailBuilder(Options.Create(options), MailTestSupport.Tokens, TimeProvider.System).Build(SampleBriefings.Typical(), Recipient, SentAt);
        Assert.Equal(new MailAddress("digest@localhost", "Digest"), message.From);
    }

    [Fact]
    public async Task Build_SentThroughTheOutbox_BothPartsCarryTheSameStoriesAndLinks()
    {
        var briefing = SampleBriefings.Typical();
        var mail = await SendAndRead(Builder().Build(briefing, Recipient, SentAt));

        var from = Assert.Single(mail.From.Mailboxes);
        Assert.Equal(("Digest", "digest@digest.example.org"), (from.Name, from.Address));
        Assert.Equal(Recipient, mail.Header("To"));
        Assert.Equal("Fri, 20 Nov 2026 06:00:00 +0000", mail.Header("Date"));
        Assert.Equal($"<{UnsubscribeUrl}>", mail.Header("List-Unsubscribe"));

        var text = Regex.Replace(mail.Body("text/plain"), @"\s+", " ");
        var html = new HtmlParser().ParseDocument(mail.Body("text/html"));
        var webView = "https://digest.example.org/api/briefings/2026-11-20";
        foreach (var story in briefing.Stories)
        {
            Assert.Contains(story.Headline, text);
            Assert.Contains(story.Headline, html.QuerySelectorAll("h2").Select(h => h.TextContent));
            foreach (var source in story.Sources)
            {
                Assert.Contains(source.Outlet, text);
                Assert.Contains(source.Outlet, html.Body!.TextContent);
                if (source.Url is not null)
                {
                    Assert.Contains($"{source.Outlet} [{source.Url}]", text);
                    Assert.Contains(html.QuerySelectorAll("a"), a => a.GetAttribute("href") == source.Url && a.TextContent == source.Outlet);
                }
            }
        }

        Assert.Contains(webView, text);
        Assert.Contains(html.QuerySelectorAll("a"), a => a.GetAttribute("href") == webView);
        Assert.Contains(UnsubscribeUrl, text);
        Assert.Contains(html.QuerySelectorAll("a"), a => a.GetAttribute("href") == UnsubscribeUrl);
        Assert.Contains("Digest, 1 Harbor Road, Port Town", text);
        Assert.DoesNotContain("scan.pdf", text);
        Assert.DoesNotContain("scan.pdf", html.Body!.TextContent);
    }

    [Fact]
    public async Task Build_HostileBriefing_StaysInertInTheEmail()
    {
        var mail = await SendAndRead(Builder().Build(SampleBriefings.Hostile(), Recipient, SentAt));

        var html = new HtmlParser().ParseDocument(mail.Body("text/html"));
        Assert.Empty(html.QuerySelectorAll("script, img"));
        Assert.All(html.All, element => Assert.DoesNotContain(element.Attributes, attribute => attribute.Name.StartsWith("on", StringComparison.Ordinal)));
        Assert.All(html.QuerySelectorAll("a"), a => Assert.StartsWith("https://", a.GetAttribute("href")));
        Assert.Contains(SampleBriefings.Script, html.QuerySelector("h2")!.TextContent);
        Assert.Equal($"Digest for November 20, 2026: {SampleBriefings.Script} Council votes", mail.Header("Subject"));
    }

    [Fact]
    public async Task Build_NonAsciiHeadline_RoundTripsInTheSubject()
    {
        var briefing = SampleBriefings.Typical() with
        {
            Stories = [new Story { Headline = "Zürich: Brücke öffnet – 東京 too", Summary = ["Süß."], Sources = [] }],
        };

        var mail = await SendAndRead(Builder().Build(briefing, Recipient, SentAt));

        Assert.Equal("Digest for November 20, 2026: Zürich: Brücke öffnet – 東京 too", mail.Header("Subject"));
        Assert.Contains("Süß.", mail.Body("text/plain"));
        Assert.Contains("Süß.", mail.Body("text/html"));
    }

    [Fact]
    public async Task Build_TenStoryBriefing_HtmlPartStaysWellUnder102Kilobytes()
    {
        var mail = await SendAndRead(Builder().Build(SampleBriefings.Large(10), Recipient, SentAt));

        var htmlBytes = Encoding.UTF8.GetByteCount(mail.Body("text/html"));
        using var eml = new MemoryStream();
        mail.WriteTo(eml);
        var emlBytes = eml.Length;
        output.WriteLine($"10-story email: HTML part {htmlBytes} bytes, whole .eml {emlBytes} bytes");
        Assert.True(htmlBytes < 60 * 1024, $"{htmlBytes} bytes");
        Assert.True(emlBytes < 102 * 1024, $"{emlBytes} bytes");
    }
}
