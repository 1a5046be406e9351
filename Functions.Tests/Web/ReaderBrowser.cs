using Deque.AxeCore.Playwright;
using Digest.Tests.Briefings.Rendering;
using Microsoft.Playwright;

namespace Digest.Tests.Web;

/// <summary>
/// One reader's browser (Debian's Chromium through Playwright) on the served pages: each page checked is scanned with
/// axe-core, in light mode at 1024 px and in dark mode at 320 px (where it must not scroll sideways), and
/// photographed in both into <c>TestResults/screenshots/</c>.
/// </summary>
internal sealed class ReaderBrowser : IAsyncDisposable
{
    private readonly IBrowserContext context;

    private ReaderBrowser(IBrowserContext context, IPage page)
    {
        this.context = context;
        Page = page;
    }

    public IPage Page { get; }

    /// <param name="clientAddress">The address the platform's front end would append, so each reader has their own subscribe limit.</param>
    public static async Task<ReaderBrowser> OpenAsync(ChromiumFixture chromium, string clientAddress)
    {
        var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1024, Height = 800 },
            ColorScheme = ColorScheme.Light,
            ExtraHTTPHeaders = new Dictionary<string, string> { ["X-Forwarded-For"] = clientAddress },
        });
        // Generous bounds, not speed checks: on a loaded machine Chromium can take far longer than Playwright's 30 s default.
        context.SetDefaultTimeout(180_000);
        context.SetDefaultNavigationTimeout(180_000);
        return new ReaderBrowser(context, await context.NewPageAsync());
    }

    public async Task<IResponse> GoAsync(string url) =>
        await Page.GotoAsync(url) ?? throw new InvalidOperationException($"No response for {url}.");

    /// <summary>Clicks <paramref name="locator"/> and waits for the page it leads to (a link or a form's button).</summary>
    public async Task<IResponse> FollowAsync(ILocator locator)
    {
        // The page being left is marked; the answer counts once a document without the mark has loaded (a form's
        // answer can have the same URL as the form, and a load state read too early is the old page's).
        await Page.EvaluateAsync("() => { window.__digestLeaving = true; }");
        var response = await Page.RunAndWaitForResponseAsync(() => locator.ClickAsync(), r => r.Request.IsNavigationRequest && r.Frame == Page.MainFrame);
        await Page.WaitForFunctionAsync("() => !window.__digestLeaving && document.readyState === 'complete'");
        return response;
    }

    public async Task<string> HeadingAsync() => (await Page.Locator("h1").First.InnerTextAsync()).Trim();

    /// <summary>
    /// Scans the page with axe-core and photographs it, light at 1024 px, then dark at 320 px; returns every serious
    /// or critical violation found (as "rule: help (where)") so a test can assert there are none.
    /// </summary>
    public async Task<List<string>> CheckPageAsync(string name)
    {
        var problems = new List<string>();
        await Page.SetViewportSizeAsync(1024, 800);
        await Page.EmulateMediaAsync(new PageEmulateMediaOptions { ColorScheme = ColorScheme.Light });
        problems.AddRange(await SeriousViolationsAsync(name + " (light)"));
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ChromiumFixture.ScreenshotFolder, $"web-{name}-1024px.png"), FullPage = true });

        await Page.SetViewportSizeAsync(320, 640);
        await Page.EmulateMediaAsync(new PageEmulateMediaOptions { ColorScheme = ColorScheme.Dark });
        problems.AddRange(await SeriousViolationsAsync(name + " (dark, 320 px)"));
        var scrollWidth = await Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        if (scrollWidth > 320)
        {
            problems.Add($"{name}: {scrollWidth} px wide at a 320 px viewport (scrolls sideways)");
        }

        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ChromiumFixture.ScreenshotFolder, $"web-{name}-320px-dark.png"), FullPage = true });
        await Page.SetViewportSizeAsync(1024, 800);
        await Page.EmulateMediaAsync(new PageEmulateMediaOptions { ColorScheme = ColorScheme.Light });
        return problems;
    }

    private async Task<IEnumerable<string>> SeriousViolationsAsync(string name)
    {
        var result = await Page.RunAxe();
        return result.Violations
            .Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{name}: {v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Html))}");
    }

    public async ValueTask DisposeAsync() => await context.CloseAsync();
}
