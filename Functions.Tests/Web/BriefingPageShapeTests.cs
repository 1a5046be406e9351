using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Digest.Cli;
using Digest.Mail;
using Digest.Tests.Mail;
using Digest.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Digest.Tests.Web;

/// <summary>A stored briefing of the wrong shape: its page names the damage (a 500 that blames no request) and the archive still lists it.</summary>
public sealed class BriefingPageShapeTests
{
    [Theory]
    [InlineData("{\"date\": \"2001-01-02\", \"articleCount\": 1, \"stories\": null}")]
    [InlineData("{\"date\": \"2001-01-02\", \"articleCount\": 1, \"stories\": [{\"headline\": \"H\", \"summary\": [\"S.\"], \"citations\": null, \"sources\": [{\"article\": \"a.txt\", \"outlet\": \"O\"}]}]}")]
    public async Task Serve_StoredBriefingOfTheWrongShape_ItsPageNamesTheDamageAndTheArchiveStillLists(string json)
    {
        await using var serve = await ServeHost.StartAsync();
        Directory.CreateDirectory(Path.Combine(serve.DataFolder, "briefings"));
        await File.WriteAllTextAsync(Path.Combine(serve.DataFolder, "briefings", "2001-01-02.json"), json);
        using var client = new HttpClient { BaseAddress = serve.BaseAddress };

        using var page = await client.GetAsync("/api/briefings/2001-01-02");
        using var archive = await client.GetAsync("/api/archive");

        Assert.Equal(HttpStatusCode.InternalServerError, page.StatusCode);
        Assert.Contains("briefing '2001-01-02' is damaged", await page.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, archive.StatusCode);
        Assert.Contains("/api/briefings/2001-01-02", await archive.Content.ReadAsStringAsync());
    }
}
