using System.Net;
using System.Net.Http.Json;
using Digest.Cli;
using Digest.Subscribers;
using Digest.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Digest.Tests.Web;

/// <summary>
/// The subscribe limit counts per client, and a client cannot pick its own address: <c>X-Forwarded-For</c> counts
/// only from proxies named in <c>Subscriptions:TrustedProxies</c> (none under <c>serve</c>; the platform in Azure),
/// and <c>IP:port</c> forms of one address are one client.
/// </summary>
public sealed class SubscribeLimitClientTests
{
    [Fact]
    public async Task Serve_ClientRotatingXForwardedFor_IsLimitedAsOneClient()
    {
        await using var serve = await ServeHost.StartAsync(("Subscriptions:TrustedProxies", ""));
        using var client = new HttpClient { BaseAddress = serve.BaseAddress };
        var statuses = new List<HttpStatusCode>();

        for (var i = 0; i < 20; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/subscribe") { Content = JsonContent.Create(new { email = $"rotate{i}@example.com" }) };
            request.Headers.Add("X-Forwarded-For", $"203.0.113.{i + 1}, 198.51.100.{i + 1}:{40000 + i}");
            using var response = await client.SendAsync(request);
            statuses.Add(response.StatusCode);
        }

        Assert.Equal(SubscribeLimits.RequestsPerWindow, statuses.Count(s => s == HttpStatusCode.Accepted));
        Assert.Equal(20 - SubscribeLimits.RequestsPerWindow, statuses.Count(s => s == HttpStatusCode.TooManyRequests));
    }

    private static HttpRequest Request(string remote, params string[] forwarded)
    {
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = IPAddress.Parse(remote);
        foreach (var header in forwarded)
        {
            context.Request.Headers.Append("X-Forwarded-For", header);
        }

        return context.Request;
    }

    [Theory]
    [InlineData(null, "127.0.0.1", "203.0.113.9", "127.0.0.1")]
    [InlineData("", "198.51.100.7", "203.0.113.9", "198.51.100.7")]
    [InlineData("127.0.0.1", "127.0.0.1", "203.0.113.9", "203.0.113.9")]
    [InlineData("127.0.0.1", "127.0.0.1", "203.0.113.9:51234", "203.0.113.9")]
    [InlineData("127.0.0.1", "127.0.0.1", "192.0.2.1, 203.0.113.9:443", "203.0.113.9")]
    [InlineData("127.0.0.1", "127.0.0.1", "[2001:db8::7]:443", "2001:db8::7")]
    [InlineData("127.0.0.1", "127.0.0.1", "::ffff:203.0.113.9", "203.0.113.9")]
    [InlineData("127.0.0.1", "::ffff:127.0.0.1", "203.0.113.9", "203.0.113.9")]
    [InlineData("platform", "127.0.0.1", "192.0.2.1, 203.0.113.9:1234, 10.1.2.3", "203.0.113.9")]
    [InlineData("platform", "127.0.0.1", "192.0.2.1, 169.254.0.5:80", "192.0.2.1")]
    [InlineData("platform", "203.0.113.50", "192.0.2.1", "203.0.113.50")]
    [InlineData("10.0.0.0/8", "10.9.9.9", "not-an-address", "10.9.9.9")]
    public void ClientAddress_ForwardedOnlyByTrustedProxies_NormalisedWithoutPort(string? trusted, string remote, string forwarded, string client) =>
        Assert.Equal(client, new ClientAddresses(trusted).Of(Request(remote, forwarded)));

    [Theory]
    [InlineData("127.0.0.1, nonsense")]
    [InlineData("10.0.0.0/33")]
    public void TrustedProxies_NotAddressesOrNetworks_StopStartNamingTheSetting(string value)
    {
        var folder = Directory.CreateTempSubdirectory("digest-proxies-").FullName;
        try
        {
            var invalid = Assert.Throws<OptionsValidationException>(() => ServeCommand.Build(folder, 1, [new("Subscriptions:TrustedProxies", value)]));

            Assert.Contains("Subscriptions:TrustedProxies", invalid.Message);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void TrustedProxies_Platform_IsValid() =>
        Assert.Empty(new SubscriptionOptions { TrustedProxies = "platform, 203.0.113.0/24" }.Validate(new System.ComponentModel.DataAnnotations.ValidationContext(new object())));
}
