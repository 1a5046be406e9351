using System.Text.Json;
using Digest.Mail;
using Digest.Tests.Mail;
using Microsoft.Playwright;

namespace Digest.Tests.Briefings.Rendering;

/// <summary>
/// The briefing and confirmation emails as a reader sees them, rendered by headless Chromium at phone and desktop
/// widths, in light and dark mode. Screenshots are kept in <c>TestResults/screenshots/</c>.
/// Run alone: <c>dotnet test Functions.Tests --filter Category=Rendering</c>.
/// </summary>
[Trait("Category", "Rendering")]
public sealed class EmailRenderingTests(ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    private const string Reader = "reader@example.com";

    private static string BriefingHtml(Digest.Briefings.Briefing briefing) =>
        MailTestSupport.Builder().Build(briefing, Reader, MailTestSupport.SentAt).HtmlBody;

    public static TheoryData<string, int, ColorScheme> Layouts => new()
    {
        { "typical", 320, ColorScheme.Light },
        { "typical", 375, ColorScheme.Light },
        { "typical", 600, ColorScheme.Light },
        { "typical", 375, ColorScheme.Dark },
        { "large", 375, ColorScheme.Light },
        { "large", 600, ColorScheme.Light },
        { "hostile", 375, ColorScheme.Light },
        { "unbroken", 320, ColorScheme.Light },
    };

    private static Digest.Briefings.Briefing Sample(string name) => name switch
    {
        "typical" => SampleBriefings.Typical(),
        "large" => SampleBriefings.Large(10),
        "unbroken" => SampleBriefings.Typical() with
        {
            Stories =
            [
                new Digest.Briefings.Story
                {
                    Headline = "Unbroken " + new string('W', 120),
                    Summary = ["See https://example.com/" + new string('x', 150) + " for the record."],
                    Sources = [new Digest.Briefings.StorySource { Article = "a.txt", Outlet = new string('O', 90), Url = "https://example.com/a" }],
                },
            ],
        },
        _ => SampleBriefings.Hostile(),
    };

    [Theory]
    [MemberData(nameof(Layouts))]
    public async Task BriefingEmail_AtWidth_FitsWithoutHorizontalScrolling(string sample, int width, ColorScheme scheme)
    {
        var page = await chromium.OpenAsync(BriefingHtml(Sample(sample)), width, scheme);

        await page.ScreenshotAsync(new PageScreenshotOptions { Path = ScreenshotPath($"briefing-{sample}", width, scheme), FullPage = true });
        var scrollWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= width, $"page is {scrollWidth}px wide in a {width}px window");
        var overflowing = await page.EvaluateAsync<string[]>(
            $"() => [...document.body.querySelectorAll('*')].filter(e => e.getBoundingClientRect().right > {width} + 0.5).map(e => e.tagName + ': ' + e.textContent.slice(0, 40))");
        Assert.Empty(overflowing);
    }

    [Theory]
    [InlineData(375)]
    [InlineData(600)]
    public async Task BriefingEmail_EveryLink_HasVisibleText(int width)
    {
        var page = await chromium.OpenAsync(BriefingHtml(SampleBriefings.Large(10)), width);

        var links = await page.EvaluateAsync<JsonElement>(
            "() => [...document.querySelectorAll('a')].map(a => { const r = a.getBoundingClientRect(); return { text: a.innerText.trim(), width: r.width, height: r.height, href: a.href }; })");

        // Six sources per story, "View in browser" at the top and in the footer, and the unsubscribe link.
        Assert.Equal(10 * 6 + 3, links.GetArrayLength());
        foreach (var link in links.EnumerateArray())
        {
            Assert.False(string.IsNullOrWhiteSpace(link.GetProperty("text").GetString()), $"link to {link.GetProperty("href")} has no text");
            Assert.True(link.GetProperty("width").GetDouble() > 0 && link.GetProperty("height").GetDouble() > 0, $"link to {link.GetProperty("href")} is not visible");
        }
    }

    [Theory]
    [InlineData(ColorScheme.Light)]
    [InlineData(ColorScheme.Dark)]
    public async Task BriefingEmail_EveryVisibleText_IsLegibleAgainstItsBackground(ColorScheme scheme)
    {
        var page = await chromium.OpenAsync(BriefingHtml(SampleBriefings.Typical()), 375, scheme);

        var texts = await page.EvaluateAsync<JsonElement>(LegibilityScript);

        Assert.True(texts.GetArrayLength() > 10);
        foreach (var text in texts.EnumerateArray())
        {
            var what = text.GetProperty("text").GetString();
            Assert.True(text.GetProperty("contrast").GetDouble() >= 4.5, $"'{what}' has contrast {text.GetProperty("contrast")}");
            Assert.True(text.GetProperty("size").GetDouble() >= 13, $"'{what}' is {text.GetProperty("size")}px");
        }
    }

    [Fact]
    public async Task BriefingEmail_Document_HasLanguageTitleAndNoScriptsOrExternalResources()
    {
        var page = await chromium.OpenAsync(BriefingHtml(SampleBriefings.Hostile()), 375);

        Assert.Equal("en", await page.EvaluateAsync<string>("() => document.documentElement.lang"));
        Assert.Equal("Digest: Friday, November 20, 2026", await page.TitleAsync());
        Assert.Equal(0, await page.EvaluateAsync<int>("() => document.querySelectorAll('script, link, style, iframe, img:not([alt]), [onerror], [onclick], [onmouseover]').length"));
        Assert.Contains(SampleBriefings.Script, await page.EvaluateAsync<string>("() => document.querySelector('h2').innerText"));
        Assert.Equal(0, await page.EvaluateAsync<int>("() => [...document.querySelectorAll('a')].filter(a => !a.href.startsWith('https://')).length"));
    }

    [Theory]
    [InlineData(375)]
    [InlineData(600)]
    public async Task ConfirmationEmail_AtWidth_FitsAndItsButtonIsALinkWithText(int width)
    {
        var message = MailTestSupport.Builder().BuildConfirmation(Reader, "https://digest.example.org/api/confirm?token=" + new string('a', 120) + ".b");
        var page = await chromium.OpenAsync(message.HtmlBody, width);

        await page.ScreenshotAsync(new PageScreenshotOptions { Path = ScreenshotPath("confirmation", width, ColorScheme.Light), FullPage = true });
        Assert.True(await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth") <= width);
        Assert.Equal("Confirm subscription", await page.EvaluateAsync<string>("() => document.querySelector('a').innerText.trim()"));
    }

    private static string ScreenshotPath(string name, int width, ColorScheme scheme) =>
        Path.Combine(ChromiumFixture.ScreenshotFolder, $"{name}-{width}px{(scheme == ColorScheme.Dark ? "-dark" : string.Empty)}.png");

    /// <summary>
    /// For every visible element with its own text: the text, its font size and its WCAG contrast ratio against the
    /// first background colour found on it or an ancestor (the canvas when none).
    /// </summary>
    private const string LegibilityScript = """
        () => {
          const parse = c => { const m = c.match(/[\d.]+/g).map(Number); return { r: m[0], g: m[1], b: m[2], a: m.length > 3 ? m[3] : 1 }; };
          const lum = c => { const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); }; return 0.2126 * f(c.r) + 0.7152 * f(c.g) + 0.0722 * f(c.b); };
          const background = e => {
            for (let n = e; n; n = n.parentElement) { const c = parse(getComputedStyle(n).backgroundColor); if (c.a > 0) return c; }
            return parse(getComputedStyle(document.documentElement).colorScheme.includes('dark') && matchMedia('(prefers-color-scheme: dark)').matches ? 'rgb(18,18,18)' : 'rgb(255,255,255)');
          };
          return [...document.body.querySelectorAll('*')]
            .filter(e => [...e.childNodes].some(n => n.nodeType === 3 && n.textContent.trim()))
            .filter(e => e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden' && getComputedStyle(e).opacity !== '0')
            .filter(e => { const r = e.getBoundingClientRect(); return r.width > 1 && r.height > 1; })
            .map(e => {
              const s = getComputedStyle(e); const fg = lum(parse(s.color)); const bg = lum(background(e));
              return { text: e.innerText.slice(0, 40), size: parseFloat(s.fontSize), contrast: (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05) };
            });
        }
        """;
}
