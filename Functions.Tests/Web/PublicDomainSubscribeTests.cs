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

/// <summary>The public subscribe form refuses addresses without a public domain (localhost, single labels, .local, .internal, .localhost, IP literals) and sends them nothing.</summary>
public sealed class PublicDomainSubscribeTests
{
    [Theory]
    [InlineData("root@localhost")]
    [InlineData("root@LOCALHOST")]
    [InlineData("admin@mailserver")]
    [InlineData("printer@office.local")]
    [InlineData("ops@relay.internal")]
    [InlineData("ops@relay.internal.")]
    [InlineData("dev@app.localhost")]
    [InlineData("root@127.0.0.1")]
    [InlineData("root@10.0.0.8")]
    [InlineData("root@[127.0.0.1]")]
    [InlineData("root@[IPv6:::1]")]
    [InlineData("nobody@site.invalid")]
    [InlineData("router@home.arpa")]
    public async Task Subscribe_AddressWithoutAPublicDomain_IsRefusedAndNothingIsSent(string email)
    {
        await using var serve = await ServeHost.StartAsync();
        using var client = new HttpClient { BaseAddress = serve.BaseAddress };

        using var response = await client.PostAsJsonAsync("/api/subscribe", new { email });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("public", await response.Content.ReadAsStringAsync());
        Assert.False(Directory.Exists(Path.Combine(serve.DataFolder, "outbox")) && Directory.EnumerateFiles(Path.Combine(serve.DataFolder, "outbox")).Any());
    }

    [Theory]
    [InlineData("reader@example.com")]
    [InlineData("reader@mail.example.co.uk")]
    [InlineData("reader@localhost-news.example")]
    public async Task Subscribe_AddressWithAPublicDomain_IsAccepted(string email)
    {
        await using var serve = await ServeHost.StartAsync();
        using var client = new HttpClient { BaseAddress = serve.BaseAddress };

        using var response = await client.PostAsJsonAsync("/api/subscribe", new { email });

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }
}
