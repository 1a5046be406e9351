using Digest.Storage.AzureStorage;

namespace Digest.Tests.Storage;

/// <summary>
/// Known-answer tests for Shared Key signing: fixed requests, a fixed key and a fixed date give fixed signatures.
/// The first vector is public (Microsoft's Dash storage proxy tests sign it with the same key); the others were
/// computed independently from the documented string-to-sign layouts. Azurite checks the signature of every
/// operation in the other storage tests.
/// </summary>
public sealed class SharedKeySigningTests
{
    private const string Date = "Fri, 31 Oct 2014 22:50:34 GMT";
    private static readonly StorageSharedKey Key = new("dashstorage1", "8jqRVtXUWiEthgIhR+dFwrB8gh3lFuquvJQ1v4eabObIj7okI1cZIuzY8zZHmEdpcC0f+XlUkbFwAhjTfyrLIg==");

    private static Dictionary<string, string> Headers(params (string Name, string Value)[] headers) =>
        headers.ToDictionary(h => h.Name, h => h.Value);

    [Fact]
    public void BlobListRequest_PublicVector_GivesThePublishedSignature()
    {
        var headers = Headers(
            ("User-Agent", "WA-Storage/4.3.0 (.NET CLR 4.0.30319.34014; Win32NT 6.2.9200.0)"),
            ("x-ms-version", "2014-02-14"),
            ("x-ms-client-request-id", "adfb540e-1050-4c9b-a53a-be6cb71688d3"),
            ("x-ms-date", Date),
            ("Host", "dashstorage1.blob.core.windows.net"));
        var uri = new Uri("https://dashstorage1.blob.core.windows.net/test?restype=container&comp=list&prefix=te&include=snapshots,uncommittedblobs,metadata,copy");

        var stringToSign = SharedKeyStringToSign.Build(SharedKeyFlavor.BlobAndQueue, Key.AccountName, "GET", uri, headers, contentLength: 0);

        Assert.Equal(
            "GET\n\n\n\n\n\n\n\n\n\n\n\n" +
            "x-ms-client-request-id:adfb540e-1050-4c9b-a53a-be6cb71688d3\nx-ms-date:Fri, 31 Oct 2014 22:50:34 GMT\nx-ms-version:2014-02-14\n" +
            "/dashstorage1/test\ncomp:list\ninclude:snapshots,uncommittedblobs,metadata,copy\nprefix:te\nrestype:container",
            stringToSign);
        Assert.Equal("rB2yPGBXn3CtquDlk03An34hgRHIibK/Xv+hjG3r0Us=", Key.Sign(stringToSign));
    }

    [Fact]
    public void CreateOnlyBlobPut_WithEncodedUnicodeName_SignsLengthTypeConditionAndMetadata()
    {
        var headers = Headers(
            ("Content-Type", "text/plain"),
            ("If-None-Match", "*"),
            ("x-ms-blob-type", "BlockBlob"),
            ("X-MS-Meta-Outlet", " Harbor%20Times "),
            ("x-ms-version", "2023-11-03"),
            ("x-ms-date", Date));
        var uri = new Uri("https://dashstorage1.blob.core.windows.net/articles/a%20b/caf%C3%A9.txt");

        var stringToSign = SharedKeyStringToSign.Build(SharedKeyFlavor.BlobAndQueue, Key.AccountName, "PUT", uri, headers, contentLength: 11);

        Assert.Equal(
            "PUT\n\n\n11\n\ntext/plain\n\n\n\n*\n\n\n" +
            "x-ms-blob-type:BlockBlob\nx-ms-date:Fri, 31 Oct 2014 22:50:34 GMT\nx-ms-meta-outlet:Harbor%20Times\nx-ms-version:2023-11-03\n" +
            "/dashstorage1/articles/a%20b/caf%C3%A9.txt",
            stringToSign);
        Assert.Equal("32MMnR3wpyCsZcyrpy0QdU6BKE+M6qMB430qqQfUlAU=", Key.Sign(stringToSign));
    }

    [Fact]
    public void TableEntityGet_UsesTheSharedKeyForTableLayout()
    {
        var headers = Headers(("x-ms-date", Date), ("x-ms-version", "2023-11-03"), ("Accept", "application/json;odata=nometadata"));
        var uri = new Uri("https://dashstorage1.table.core.windows.net/subscribers(PartitionKey='subscriber',RowKey='ada%40example.com')?$select=Email");

        var stringToSign = SharedKeyStringToSign.Build(SharedKeyFlavor.Table, Key.AccountName, "GET", uri, headers, contentLength: 0);

        Assert.Equal("GET\n\n\nFri, 31 Oct 2014 22:50:34 GMT\n/dashstorage1/subscribers(PartitionKey='subscriber',RowKey='ada%40example.com')", stringToSign);
        Assert.Equal("KRvngX3iwF+E9xU5sstMwttf9XZl/xpUy+ywVMXw94s=", Key.Sign(stringToSign));
    }

    [Fact]
    public void TableRequest_WithComp_KeepsOnlyCompInTheResource()
    {
        var headers = Headers(("x-ms-date", Date), ("Content-Type", "application/xml"));
        var uri = new Uri("https://dashstorage1.table.core.windows.net/?restype=service&comp=properties");

        var stringToSign = SharedKeyStringToSign.Build(SharedKeyFlavor.Table, Key.AccountName, "PUT", uri, headers, contentLength: 100);

        Assert.Equal("PUT\n\napplication/xml\nFri, 31 Oct 2014 22:50:34 GMT\n/dashstorage1/?comp=properties", stringToSign);
    }

    [Fact]
    public void Key_NotBase64_IsRefusedWithTheAccountName()
    {
        var refused = Assert.Throws<FormatException>(() => new StorageSharedKey("acct", "not base64!"));

        Assert.Contains("acct", refused.Message);
    }
}
