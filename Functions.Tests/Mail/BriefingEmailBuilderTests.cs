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
    private const string UnsubscribeUrl = "https://digest.example.org/api/unsubscribe?token=abc123";
    private static readonly DateTimeOffset SentAt = new(2026, 11, 20, 6, 0, 0, TimeSpan.Zero);

    private readonly string _outbox = Path.Combine(Path.GetTempPath(), "digest-mail-tests", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_outbox))
        {
            Directory.Delete(_outbox, recursive: true);
        }
    }

    private static BriefingEmailBuilder Builder(Action<MailOptions>? configure = null)
    {
        var options = new MailOptions
        {
            FromAddress = "digest@digest.example.org",
            PublicBaseUrl = "https://digest.example.org/",
            PostalAddress = "Digest, 1 Harbor Road, Port Town",
        };
        configure?.Invoke(options);
        return new BriefingEmailBuilder(Options.Create(options));
    }

    private async Task<MimeReader> SendAndRead(EmailMessage message)
    {
        var sender = new OutboxEmailSender(_outbox);
        await sender.SendAsync(message);
        return MimeReader.Parse(await File.ReadAllBytesAsync(sender.PathFor(message.MessageId)));
    }

    [Fact]
    public void Build_Briefing_HasSubjectWithDateAndTopHeadline()
    {
        var message = Builder().Build(SampleBriefings.Typical(), Recipient, UnsubscribeUrl, SentAt);

        Assert.Equal("Digest for November 20, 2026: Harbor bridge reopens after repairs", message.Subject);
    }

    [Fact]
    public void Build_LongHeadlineWithLineBreaks_GivesOneLineSubjectOfAtMost120Characters()
    {
        var briefing = SampleBriefings.Typical() with
        {
            Stories = [new Story { Headline = "Council\r\nvotes " + string.Concat(Enumerable.Repeat("on the very long harbor plan ", 10)), Summary = ["S."], Sources = [] }],
        };

        var subject = Builder().Build(briefing, Recipient, UnsubscribeUrl, SentAt).Subject;

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

        var first = builder.Build(SampleBriefings.Typical(), Recipient, UnsubscribeUrl, SentAt).MessageId;
        var again = builder.Build(SampleBriefings.Typical(), "reader@example.com", UnsubscribeUrl, SentAt.AddHours(3)).MessageId;
        var otherReader = builder.Build(SampleBriefings.Typical(), "other@example.com", UnsubscribeUrl, SentAt).MessageId;
        var otherDay = builder.Build(SampleBriefings.Typical() with { Date = new DateOnly(2026, 11, 21) }, Recipient, UnsubscribeUrl, SentAt).MessageId;

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
        var message = Builder(options => options.PublicBaseUrl = publicBaseUrl).Build(SampleBriefings.Typical(), Recipient, UnsubscribeUrl, SentAt);

        Assert.EndsWith("@" + domain, message.MessageId);
    }

    [Fact]
    public void Build_Headers_OfferOneClickUnsubscribe()
    {
        var message = Builder().Build(SampleBriefings.Typical(), Recipient, UnsubscribeUrl, SentAt);

        Assert.Equal($"<{UnsubscribeUrl}>", message.Headers["List-Unsubscribe"]);
        Assert.Equal("List-Unsubscribe=One-Click", message.Headers["List-Unsubscribe-Post"]);
        Assert.False(message.Headers.ContainsKey("Reply-To"));
    }

    [Fact]
    public void Build_WithReplyTo_AddsReplyToHeader()
    {
        var message = Builder(options => options.ReplyTo = "editors@digest.example.org").Build(SampleBriefings.Typical(), Recipient, UnsubscribeUrl, SentAt);

        Assert.Equal("editors@digest.example.org", message.Headers["Reply-To"]);
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("/api/unsubscribe")]
    [InlineData("")]
    public void Build_UnsubscribeUrlNotHttp_IsRejected(string url)
    {
        Assert.Throws<ArgumentException>(() => Builder().Build(SampleBriefings.Typical(), Recipient, url, SentAt));
    }

    [Theory]
    [InlineData("reader@example.com\r\nBcc: victim@example.com")]
    [InlineData("not an address")]
    [InlineData("reader@example")]
    public void Build_InvalidRecipient_IsRejected(string recipient)
    {
        Assert.Throws<ArgumentException>(() => Builder().Build(SampleBriefings.Typical(), recipient, UnsubscribeUrl, SentAt));
    }

    [Theory]
    [InlineData("FromAddress", "not-an-address")]
    [InlineData("PublicBaseUrl", "ftp://digest.example.org")]
    [InlineData("PublicBaseUrl", "digest.example.org")]
    [InlineData("FromName", "")]
    [InlineData("ReplyTo", "nobody")]
    public void Constructor_InvalidOptions_AreRejected(string property, string value)
    {
        var options = new MailOptions();
        typeof(MailOptions).GetProperty(property)!.SetValue(options, value);

        Assert.False(Validator.TryValidateObject(options, new ValidationContext(options), null, validateAllProperties: true));
        Assert.Throws<ValidationException>(() => new BriefingEmailBuilder(Options.Create(options)));
    }

    [Fact]
    public void Constructor_DefaultOptions_AreValid()
    {
        var options = new MailOptions();

        Assert.True(Validator.TryValidateObject(options, new ValidationContext(options), null, validateAllProperties: true));
        var message = new BriefingEmailBuilder(Options.Create(options)).Build(SampleBriefings.Typical(), Recipient, UnsubscribeUrl, SentAt);
        Assert.Equal(new MailAddress("digest@localhost", "Digest"), message.From);
    }

    [Fact]
    public async Task Build_SentThroughTheOutbox_BothPartsCarryTheSameStoriesAndLinks()
    {
        var briefing = SampleBriefings.Typical();
        var mail = await SendAndRead(Builder().Build(briefing, Recipient, UnsubscribeUrl, SentAt));

        Assert.Equal("\"Digest\" <digest@digest.example.org>", mail.Header("From"));
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
        var mail = await SendAndRead(Builder().Build(SampleBriefings.Hostile(), Recipient, UnsubscribeUrl, SentAt));

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

        var mail = await SendAndRead(Builder().Build(briefing, Recipient, UnsubscribeUrl, SentAt));

        Assert.Equal("Digest for November 20, 2026: Zürich: Brücke öffnet – 東京 too", mail.Header("Subject"));
        Assert.Contains("Süß.", mail.Body("text/plain"));
        Assert.Contains("Süß.", mail.Body("text/html"));
    }

    [Fact]
    public async Task Build_TenStoryBriefing_HtmlPartStaysWellUnder102Kilobytes()
    {
        var mail = await SendAndRead(Builder().Build(SampleBriefings.Large(10), Recipient, UnsubscribeUrl, SentAt));

        var htmlBytes = Encoding.UTF8.GetByteCount(mail.Body("text/html"));
        var emlBytes = mail.Raw.Length;
        output.WriteLine($"10-story email: HTML part {htmlBytes} bytes, whole .eml {emlBytes} bytes");
        Assert.True(htmlBytes < 60 * 1024, $"{htmlBytes} bytes");
        Assert.True(emlBytes < 102 * 1024, $"{emlBytes} bytes");
    }
}
