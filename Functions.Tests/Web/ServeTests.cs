using Digest.Cli;
using Digest.Tests.Briefings.Rendering;
using Digest.Tests.TestSupport;
using Deque.AxeCore.Playwright;
using Microsoft.AspNetCore.Routing;

namespace Digest.Tests.Web;

/// <summary><c>serve</c>: the function app's HTTP side through the same handlers, and the scanner the page tests rely on.</summary>
public sealed class ServeTests(ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    [Fact]
    public async Task Serve_Routes_AreExactlyTheHttpFunctionsRoutesAndMethods()
    {
        var folder = Directory.CreateTempSubdirectory("digest-serve-routes-").FullName;
        try
        {
            await using var app = ServeCommand.Build(folder, FreePorts.Next());

            var served = ((IEndpointRouteBuilder)app).DataSources.SelectMany(d => d.Endpoints).OfType<RouteEndpoint>()
                .SelectMany(e => e.Metadata.GetRequiredMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>().HttpMethods.Select(m => $"{m} /{e.RoutePattern.RawText!.TrimStart('/')}"))
                .Order(StringComparer.Ordinal);
            var functions = FunctionsMetadata.All.Where(f => f.Trigger.Type == "httpTrigger")
                .SelectMany(f => ((string[])f.Trigger.Properties.Single(p => p.Key == "methods").Value).Select(m => $"{m.ToUpperInvariant()} /api/{f.Trigger.Property("route")}"))
                .Order(StringComparer.Ordinal);

            Assert.Equal(functions, served);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [InlineData("0")]
    [InlineData("70000")]
    public async Task Serve_BadPort_ExitsWithBadArguments(string port)
    {
        using var error = new StringWriter();

        var exit = await DigestCli.InvokeAsync(["serve", "--port", port], TextWriter.Null, error);

        Assert.Equal(DigestCli.BadArguments, exit);
        Assert.Contains("--port", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Axe_PageWithUnlabelledFieldUnderOurSecurityPolicy_ReportsItAsCritical()
    {
        var page = await chromium.OpenAsync("""
            <!doctype html><html lang="en"><head><meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'"><title>t</title></head>
            <body><main><form><input type="text" name="email"></form></main></body></html>
            """, 1024);

        var result = await page.RunAxe();

        Assert.Contains(result.Violations, v => v.Id == "label" && v.Impact == "critical");
        await page.Context.CloseAsync();
    }
}
