using Azure.Identity;
using Digest.Storage.AzureStorage;
using Microsoft.Extensions.Configuration;

namespace Digest.Tests.Storage;

/// <summary>Connection settings read the way the Azure Functions host reads <c>AzureWebJobsStorage</c>.</summary>
public sealed class StorageConnectionTests
{
    private static IConfiguration Settings(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.ToDictionary(s => s.Key, s => (string?)s.Value)).Build();

    [Fact]
    public void Parse_UseDevelopmentStorage_PointsAtAzuriteDefaultsWithTheWellKnownAccount()
    {
        var connection = StorageConnection.Parse("UseDevelopmentStorage=true");

        Assert.Equal("http://127.0.0.1:10000/devstoreaccount1", connection.BlobEndpoint!.ToString().TrimEnd('/'));
        Assert.Equal("http://127.0.0.1:10001/devstoreaccount1", connection.QueueEndpoint!.ToString().TrimEnd('/'));
        Assert.Equal("http://127.0.0.1:10002/devstoreaccount1", connection.TableEndpoint!.ToString().TrimEnd('/'));
        Assert.Equal("devstoreaccount1", connection.SharedKey!.AccountName);
        Assert.Null(connection.Token);
    }

    [Fact]
    public void Parse_AccountNameAndKey_BuildsEndpointsFromProtocolAndSuffix()
    {
        var connection = StorageConnection.Parse(
            "DefaultEndpointsProtocol=https;AccountName=digestprod;AccountKey=a2V5;EndpointSuffix=core.chinacloudapi.cn");

        Assert.Equal("https://digestprod.blob.core.chinacloudapi.cn/", connection.BlobEndpoint!.ToString());
        Assert.Equal("https://digestprod.queue.core.chinacloudapi.cn/", connection.QueueEndpoint!.ToString());
        Assert.Equal("https://digestprod.table.core.chinacloudapi.cn/", connection.TableEndpoint!.ToString());
    }

    [Fact]
    public void Parse_ExplicitEndpoints_OverrideTheDefaults()
    {
        var connection = StorageConnection.Parse(
            "AccountName=devstoreaccount1;AccountKey=a2V5;BlobEndpoint=http://127.0.0.1:41000/devstoreaccount1/;QueueEndpoint=http://127.0.0.1:41001/devstoreaccount1");

        Assert.Equal("http://127.0.0.1:41000/devstoreaccount1", connection.BlobEndpoint!.ToString());
        Assert.Equal("http://127.0.0.1:41001/devstoreaccount1", connection.QueueEndpoint!.ToString());
        Assert.Equal("https://devstoreaccount1.table.core.windows.net/", connection.TableEndpoint!.ToString());
    }

    [Theory]
    [InlineData("AccountKey=a2V5", "no AccountName")]
    [InlineData("AccountName=acct", "no AccountKey")]
    [InlineData("AccountName=acct;AccountKey=a2V5;BlobEndpoint=not a uri", "BlobEndpoint")]
    [InlineData("AccountName=acct;SharedAccessSignature=sv=2020", "SharedAccessSignature")]
    [InlineData("garbage", "KEY=VALUE")]
    public void Parse_MalformedConnectionString_SaysWhatIsWrong(string value, string expected)
    {
        var refused = Assert.Throws<FormatException>(() => StorageConnection.Parse(value));

        Assert.Contains(expected, refused.Message);
    }

    [Fact]
    public void FromConfiguration_NothingSet_ReturnsNull() =>
        Assert.Null(StorageConnection.FromConfiguration(Settings()));

    [Fact]
    public void FromConfiguration_ConnectionStringValue_IsParsed()
    {
        var connection = StorageConnection.FromConfiguration(Settings(("AzureWebJobsStorage", "UseDevelopmentStorage=true")));

        Assert.Equal("devstoreaccount1", connection!.SharedKey!.AccountName);
    }

    [Fact]
    public void FromConfiguration_AccountName_UsesIdentityAndTheAccountsPublicEndpoints()
    {
        // Environment variables AzureWebJobsStorage__accountName arrive in configuration as AzureWebJobsStorage:accountName.
        var connection = StorageConnection.FromConfiguration(Settings(("AzureWebJobsStorage:accountName", "digestprod")));

        Assert.Equal("https://digestprod.blob.core.windows.net/", connection!.BlobEndpoint!.ToString());
        Assert.Equal("https://digestprod.table.core.windows.net/", connection.TableEndpoint!.ToString());
        Assert.Null(connection.SharedKey);
        Assert.IsType<DefaultAzureCredential>(connection.Token);
    }

    [Fact]
    public void FromConfiguration_ManagedIdentityWithClientId_UsesThatUserAssignedIdentity()
    {
        var connection = StorageConnection.FromConfiguration(Settings(
            ("AzureWebJobsStorage:blobServiceUri", "https://digestprod.blob.core.windows.net"),
            ("AzureWebJobsStorage:queueServiceUri", "https://digestprod.queue.core.windows.net"),
            ("AzureWebJobsStorage:credential", "managedidentity"),
            ("AzureWebJobsStorage:clientId", "00000000-0000-0000-0000-000000000001")));

        Assert.IsType<ManagedIdentityCredential>(connection!.Token);
        Assert.Equal("https://digestprod.queue.core.windows.net/", connection.QueueEndpoint!.ToString());
        Assert.Null(connection.TableEndpoint);
    }

    [Fact]
    public void FromConfiguration_UnknownCredential_IsRefused()
    {
        var refused = Assert.Throws<FormatException>(() => StorageConnection.FromConfiguration(Settings(
            ("AzureWebJobsStorage:accountName", "digestprod"), ("AzureWebJobsStorage:credential", "password"))));

        Assert.Contains("AzureWebJobsStorage__credential", refused.Message);
    }

    [Fact]
    public void Account_WithoutTableEndpoint_SaysWhichSettingIsMissing()
    {
        var connection = StorageConnection.FromConfiguration(Settings(("Storage:blobServiceUri", "https://x.blob.core.windows.net"), ("Storage:queueServiceUri", "https://x.queue.core.windows.net")), "Storage");

        var refused = Assert.Throws<FormatException>(() => new StorageAccount(connection!));

        Assert.Contains("table", refused.Message);
    }
}

/// <summary>Identity-based connections send bearer tokens for the storage scope instead of Shared Key.</summary>
public sealed class BearerTokenTests
{
    [Fact]
    public async Task CredentialConnection_SendsABearerTokenForTheStorageScope()
    {
        var credential = new FixedTokenCredential();
        var handler = new RecordingHandler();
        var connection = StorageConnection.WithCredential(
            new Uri("https://digestprod.blob.core.windows.net"), new Uri("https://digestprod.queue.core.windows.net"),
            new Uri("https://digestprod.table.core.windows.net"), credential);
        var account = new StorageAccount(connection, new StorageClientOptions { Transport = new Azure.Core.Pipeline.HttpClientTransport(new HttpClient(handler)) });

        await account.Blobs.CreateContainerIfMissingAsync("articles");

        Assert.Equal("Bearer token-for-storage", handler.Authorization);
        Assert.Equal(["https://storage.azure.com/.default"], credential.Scopes);
        Assert.Equal("https://digestprod.blob.core.windows.net/articles?restype=container", handler.Uri);
    }

    private sealed class FixedTokenCredential : Azure.Core.TokenCredential
    {
        public string[] Scopes { get; private set; } = [];

        public override Azure.Core.AccessToken GetToken(Azure.Core.TokenRequestContext requestContext, CancellationToken cancellationToken)
        {
            Scopes = requestContext.Scopes;
            return new Azure.Core.AccessToken("token-for-storage", DateTimeOffset.UtcNow.AddHours(1));
        }

        public override ValueTask<Azure.Core.AccessToken> GetTokenAsync(Azure.Core.TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            ValueTask.FromResult(GetToken(requestContext, cancellationToken));
    }

    /// <summary>Stands in for the storage service: records the request and answers 201 Created.</summary>
    private sealed class RecordingHandler : HttpMessageHandler
    {
        public string? Authorization { get; private set; }

        public string? Uri { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Authorization = request.Headers.Authorization?.ToString();
            Uri = request.RequestUri?.ToString();
            return Task.FromResult(new HttpResponseMessage(System.Net.HttpStatusCode.Created) { RequestMessage = request });
        }
    }
}
