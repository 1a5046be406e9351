using Microsoft.Playwright;

namespace Digest.Tests.Briefings.Rendering;

/// <summary>
/// Headless Chromium (the system's <c>/usr/bin/chromium</c>, driven by Playwright) for rendering checks. Screenshots
/// go to <c>TestResults/screenshots/</c> under the repository root. A missing browser fails the tests: they never skip.
/// </summary>
public sealed class ChromiumFixture : IAsyncLifetime
{
    public const string ExecutablePath = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    internal IBrowser Browser { get; private set; } = null!;

    /// <summary>Where screenshots are saved.</summary>
    internal static string ScreenshotFolder { get; } = Path.Combine(TestSupport.RepositoryRoot.Path, "TestResults", "screenshots");

    public async Task InitializeAsync()
    {
        if (!File.Exists(ExecutablePath))
        {
            throw new InvalidOperationException($"Chromium is not installed at {ExecutablePath} (apt-get install chromium).");
        }

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args =
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync",
            ],
        });
        Directory.CreateDirectory(ScreenshotFolder);
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
    }

    /// <summary>Opens <paramref name="html"/> in a page <paramref name="width"/> CSS pixels wide, with no network.</summary>
    internal async Task<IPage> OpenAsync(string html, int width, ColorScheme scheme = ColorScheme.Light)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = 800 },
            ColorScheme = scheme,
            DeviceScaleFactor = 1,
        });
        var page = await context.NewPageAsync();
        // An email must render from its own bytes: any request it makes is a defect.
        await page.RouteAsync("**/*", route => route.AbortAsync());
        await page.SetContentAsync(html, new PageSetContentOptions { WaitUntil = WaitUntilState.Load });
        return page;
    }
}
