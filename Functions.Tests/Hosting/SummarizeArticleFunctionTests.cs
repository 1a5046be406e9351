using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Digest.Tests.Hosting;

/// <summary>Posts the exact payloads the Functions host sends for the blob trigger to the real handler.</summary>
public sealed class SummarizeArticleFunctionTests(HandlerServer server) : IClassFixture<HandlerServer>
{
    private static readonly string Samples = Path.Combine(AppContext.BaseDirectory, "samples");

    /// <summary>
    /// The host's request for a blob trigger with <c>dataType: binary</c>: the content as one base64 string, metadata
    /// strings serialised twice, numbers as strings, objects as objects, and the <c>sys</c> block.
    /// </summary>
    private static string HostPayload(string blobName, byte[] content) => $$"""
        {
          "Data": { "article": "{{Convert.ToBase64String(content)}}" },
          "Metadata": {
            "Uri": {{JsonSerializer.Serialize(JsonSerializer.Serialize($"https://devstoreaccount1.blob.core.windows.net/articles/{blobName}"))}},
            "Properties": { "ContentLength": "{{content.Length}}", "ContentType": "\"text/plain\"", "ETag": "\"\\\"0x8DC\\\"\"" },
            "Metadata": { "outlet": "Valley Ledger" },
            "name": {{JsonSerializer.Serialize(JsonSerializer.Serialize(blobName))}},
            "sys": { "MethodName": "SummarizeArticle", "UtcNow": "2026-11-20T10:00:00.123Z", "RandGuid": "6a5e1b1c-0000-4000-8000-000000000001" }
          }
        }
        """;

    private async Task<(HttpStatusCode Status, JsonElement Body)> InvokeAsync(string payload)
    {
        using var response = await server.Client.PostAsync("/SummarizeArticle", new StringContent(payload, Encoding.UTF8, "application/json"));
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    [Fact]
    public async Task Invoke_HostPayloadForAnArticle_SummarizesItAndAnswersTheEnvelope()
    {
        var content = await File.ReadAllBytesAsync(Path.Combine(Samples, "articles", "selkie-launch-valley-ledger.json"));

        var (status, body) = await InvokeAsync(HostPayload("2026/selkie launch #1.json", content));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Summarized", body.GetProperty("ReturnValue").GetString());
        Assert.Equal(JsonValueKind.Object, body.GetProperty("Outputs").ValueKind);
        var log = Assert.Single(body.GetProperty("Logs").EnumerateArray()).GetString()!;
        Assert.Contains("2026/selkie launch #1.json", log);
        Assert.DoesNotContain("satellite", log, StringComparison.OrdinalIgnoreCase);
        var summary = Assert.Single(Directory.GetFiles(Path.Combine(server.DataFolder, "summaries"), "2026_selkie*"));
        Assert.Contains("\"article\": \"2026/selkie launch #1.json\"", await File.ReadAllTextAsync(summary));
    }

    [Fact]
    public async Task Invoke_SameArticleDeliveredTwice_SecondDoesNothing()
    {
        var content = await File.ReadAllBytesAsync(Path.Combine(Samples, "articles", "kessing-bay-storm-harbor-times.md"));
        var payload = HostPayload("twice.md", content);

        await InvokeAsync(payload);
        var (status, body) = await InvokeAsync(payload);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("AlreadySummarized", body.GetProperty("ReturnValue").GetString());
    }

    [Fact]
    public async Task Invoke_BadArticle_RecordsTheRejectionAndStillSucceeds()
    {
        var (status, body) = await InvokeAsync(HostPayload("notes.docx", [0x50, 0x4B, 0x03, 0x04]));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Rejected", body.GetProperty("ReturnValue").GetString());
        var rejection = Assert.Single(Directory.GetFiles(Path.Combine(server.DataFolder, "rejected"), "notes.docx*"));
        Assert.Contains("unsupported extension", await File.ReadAllTextAsync(rejection));
    }

    [Theory]
    [InlineData("""{"Data": {}, "Metadata": {"name": "\"a.txt\""}}""", "Data.article")]
    [InlineData("""{"Data": {"article": "not base64!"}, "Metadata": {"name": "\"a.txt\""}}""", "base64")]
    [InlineData("""{"Data": {"article": "aGVsbG8="}, "Metadata": {}}""", "Metadata.name")]
    [InlineData("""{"Data": {"article": 42}, "Metadata": {"name": "\"a.txt\""}}""", "Data.article")]
    [InlineData("{not json", "JSON")]
    public async Task Invoke_MalformedRequest_AnswersProblemDetails400NamingWhatIsWrong(string payload, string named)
    {
        var (status, body) = await InvokeAsync(payload);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(400, body.GetProperty("status").GetInt32());
        Assert.Contains(named, body.GetProperty("detail").GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.False(body.TryGetProperty("exception", out _));
    }

    [Fact]
    public async Task Invoke_UnknownFunction_Answers404()
    {
        using var response = await server.Client.PostAsync("/NoSuchFunction", JsonContent.Create(new { Data = new { }, Metadata = new { } }));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Invoke_BodyOverTheLimit_Answers413()
    {
        var huge = new string('a', 65 * 1024 * 1024);

        using var request = new HttpRequestMessage(HttpMethod.Post, "/SummarizeArticle")
        {
            Content = new StringContent("{\"Data\":{\"article\":\"" + huge + "\"}}", Encoding.UTF8, "application/json"),
        };
        request.Headers.ExpectContinue = true;

        using var response = await server.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Readiness_GetRoot_Answers()
    {
        using var response = await server.Client.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
