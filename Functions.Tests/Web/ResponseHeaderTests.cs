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

/// <summary>Every answer of the web side carries <c>X-Content-Type-Options: nosniff</c> and a <c>Cache-Control</c>: pages, JSON, problem details, empty 404 and 405.</summary>
public sealed class ResponseHeaderTests
{
    [Fact]
    public async Task Serve_EveryKindOfAnswer_CarriesNosniffAndCacheControl()
    {
        await using var serve = await ServeHost.StartAsync();
        using var client = new HttpClient { BaseAddress = serve.BaseAddress };
        var requests = new (string What, Func<HttpRequestMessage> Request)[]
        {
            ("health JSON", () => new HttpRequestMessage(HttpMethod.Get, "/api/health")),
            ("202 JSON", () => new HttpRequestMessage(HttpMethod.Post, "/api/subscribe") { Content = JsonContent.Create(new { email = "headers@example.com" }) }),
            ("problem details", () => new HttpRequestMessage(HttpMethod.Post, "/api/subscribe") { Content = JsonContent.Create(new { email = "not an address" }) }),
            ("empty 404", () => new HttpRequestMessage(HttpMethod.Get, "/api/nowhere")),
            ("empty 404 outside /api", () => new HttpRequestMessage(HttpMethod.Get, "/favicon.ico")),
            ("empty 405", () => new HttpRequestMessage(HttpMethod.Delete, "/api/subscribe")),
            ("page", () => new HttpRequestMessage(HttpMethod.Get, "/api/archive")),
        };

        foreach (var (what, request) in requests)
        {
            using var message = request();
            using var response = await client.SendAsync(message);
            Assert.True(response.Headers.TryGetValues("X-Content-Type-Options", out var nosniff) && nosniff.Single() == "nosniff", $"{what} ({(int)response.StatusCode}) has no nosniff");
            Assert.True(response.Headers.CacheControl is not null, $"{what} ({(int)response.StatusCode}) has no Cache-Control");
        }
    }

    [Fact]
    public async Task Functions_JsonAnswers_CarryNosniffAndCacheControl()
    {
        var folder = Directory.CreateTempSubdirectory("digest-headers-").FullName;
        try
        {
            await using var app = await Digest.Tests.TestSupport.FunctionApp.Create(folder).StartHttpAsync();
            using var health = await app.Http.GetAsync("/api/health");
            using var accepted = await app.Http.PostAsJsonAsync("/api/subscribe", new { email = "headers@example.com" });
            using var problem = await app.Http.PostAsJsonAsync("/api/subscribe", new { email = "not an address" });

            foreach (var response in new[] { health, accepted, problem })
            {
                Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
                Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
