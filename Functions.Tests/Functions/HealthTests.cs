using System.Net;
using System.Text.Json;
using Digest.Tests.Mail;
using Digest.Tests.TestSupport;

namespace Digest.Tests.Functions;

/// <summary>
/// <c>GET /api/health</c> says whether email can go out: SendGrid (played by <see cref="LocalSendGrid"/>) is asked
/// whether it takes the API key, without sending anything.
/// </summary>
public sealed class HealthTests : IAsyncLifetime
{
    private readonly string dataFolder = Directory.CreateTempSubdirectory("digest-health-").FullName;
    private LocalSendGrid sendGrid = null!;

    public async Task InitializeAsync() => sendGrid = await LocalSendGrid.StartAsync();

    public async Task DisposeAsync()
    {
        await sendGrid.DisposeAsync();
        Directory.Delete(dataFolder, recursive: true);
    }

    private async Task<(HttpStatusCode Status, JsonElement Body)> HealthAsync(string apiKey)
    {
        await using var app = await FunctionApp.Create(
            dataFolder, null,
            "Mail:Sender=sendgrid", $"Mail:SendGrid:ApiKey={apiKey}", $"Mail:SendGrid:BaseUrl={sendGrid.BaseUrl}", "Mail:SendGrid:RetryDelay=00:00:00.010").StartHttpAsync();
        using var response = await app.Http.GetAsync("/api/health");
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }

    [Fact]
    public async Task Health_SenderTakesTheKey_AnswersOk()
    {
        var (status, body) = await HealthAsync(LocalSendGrid.ApiKey);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("ok", body.GetProperty("sender").GetString());
        Assert.Empty(sendGrid.Requests);
    }

    [Fact]
    public async Task Health_SenderRefusesTheKey_Answers503NamingTheFailedCheckButNeitherTheKeyNorTheSetting()
    {
        var (status, body) = await HealthAsync("SG.revoked-key.0000");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal("unhealthy", body.GetProperty("status").GetString());
        Assert.Equal("failing", body.GetProperty("sender").GetString());
        Assert.DoesNotContain("revoked-key", body.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Mail:SendGrid", body.ToString(), StringComparison.Ordinal);
    }
}
