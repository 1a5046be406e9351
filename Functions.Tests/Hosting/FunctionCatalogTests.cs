using System.Net;
using System.Text.Json;
using Digest.Hosting;

namespace Digest.Tests.Hosting;

public sealed class FunctionCatalogTests(HandlerServer server) : IClassFixture<HandlerServer>
{
    public static TheoryData<string> Functions() => [.. FunctionCatalog.All.Select(f => f.Name)];

    [Theory]
    [MemberData(nameof(Functions))]
    public async Task Catalog_EveryFunction_HasAnEndpointOnTheHandler(string name)
    {
        var function = FunctionCatalog.All.Single(f => f.Name == name);
        var methods = function.Bindings[0].Properties.FirstOrDefault(p => p.Key == "methods").Value as string[];
        using var request = new HttpRequestMessage(methods is null ? HttpMethod.Post : new HttpMethod(methods[0].ToUpperInvariant()), function.HandlerPath)
        {
            Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json"),
        };

        using var response = await server.Client.SendAsync(request);

        Assert.NotEqual(HttpStatusCode.NotFound, response.StatusCode);
        Assert.NotEqual(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Functions))]
    public void FunctionJson_EveryFunction_HasItsBindingsWithExactNames(string name)
    {
        var function = FunctionCatalog.All.Single(f => f.Name == name);

        using var json = JsonDocument.Parse(FunctionJson.Write(function));

        var bindings = json.RootElement.GetProperty("bindings").EnumerateArray().ToArray();
        Assert.Equal(function.Bindings.Select(b => b.Name), bindings.Select(b => b.GetProperty("name").GetString()));
        Assert.All(bindings, b => Assert.Contains(b.GetProperty("direction").GetString(), new[] { "in", "out" }));
    }

    [Fact]
    public void FunctionJson_SummarizeArticle_IsAnEventGridBlobTriggerWithBinaryData()
    {
        using var json = JsonDocument.Parse(FunctionJson.Write(FunctionCatalog.All.Single(f => f.Name == FunctionCatalog.SummarizeArticle)));

        var trigger = json.RootElement.GetProperty("bindings")[0];
        Assert.Equal("blobTrigger", trigger.GetProperty("type").GetString());
        Assert.Equal("article", trigger.GetProperty("name").GetString());
        Assert.Equal("articles/{name}", trigger.GetProperty("path").GetString());
        Assert.Equal("EventGrid", trigger.GetProperty("source").GetString());
        Assert.Equal("binary", trigger.GetProperty("dataType").GetString());
        Assert.Equal("AzureWebJobsStorage", trigger.GetProperty("connection").GetString());
    }

    [Fact]
    public void FunctionJson_HttpFunctions_HaveExactlyOneHttpTriggerAndOneHttpOutput()
    {
        // The host forwards the raw request only for functions shaped like this (enableForwardingHttpRequest).
        foreach (var function in FunctionCatalog.All.Where(f => f.Route is not null))
        {
            Assert.Equal(["httpTrigger", "http"], function.Bindings.Select(b => b.Type));
        }
    }

    [Fact]
    public void FunctionJson_ComposeBriefing_IsRetriedWithExponentialBackoff()
    {
        using var json = JsonDocument.Parse(FunctionJson.Write(FunctionCatalog.All.Single(f => f.Name == FunctionCatalog.ComposeBriefing)));

        var retry = json.RootElement.GetProperty("retry");
        Assert.Equal("exponentialBackoff", retry.GetProperty("strategy").GetString());
        Assert.True(retry.GetProperty("maxRetryCount").GetInt32() >= 3);
        Assert.True(TimeSpan.Parse(retry.GetProperty("maximumInterval").GetString()!, System.Globalization.CultureInfo.InvariantCulture) <= TimeSpan.FromHours(1));
    }
}
