using System.Text;
using Digest.Storage.AzureStorage;

namespace Digest.Tests.Storage;

/// <summary>The Blob client against Azurite, which checks every request's Shared Key signature.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class BlobClientTests(AzuriteFixture azurite)
{
    private readonly BlobClient blobs = azurite.CreateAccount().Blobs;
    private readonly string container = AzuriteFixture.UniqueName("blobs");

    [Fact]
    public async Task CreateContainerIfMissing_CalledTwice_CreatesOnce()
    {
        Assert.True(await blobs.CreateContainerIfMissingAsync(container));
        Assert.False(await blobs.CreateContainerIfMissingAsync(container));
    }

    [Theory]
    [InlineData("budget vote.txt")]
    [InlineData("ünïcödé/日本語 – café.md")]
    [InlineData("odd #1 ?x=y 100%.html")]
    [InlineData("already%20encoded+plus&amp;.txt")]
    public async Task PutThenGet_AnyAllowedName_RoundTripsBytesTypeMetadataAndListing(string name)
    {
        await blobs.CreateContainerIfMissingAsync(container);
        var content = Encoding.UTF8.GetBytes("The council voted 7-2.");

        var etag = await blobs.PutAsync(container, name, content, "text/plain", new Dictionary<string, string> { ["Outlet"] = "Café Times", ["url"] = "https://x.example/a?b=1" });
        var read = await blobs.GetAsync(container, name);

        Assert.NotNull(read);
        Assert.Equal(content, read.Content);
        Assert.Equal("text/plain", read.ContentType);
        Assert.Equal(etag, read.ETag);
        Assert.Equal("Café Times", read.Metadata["outlet"]);
        Assert.Equal("https://x.example/a?b=1", read.Metadata["url"]);
        Assert.Equal([name], await blobs.ListAsync(container).Select(b => b.Name).ToListAsync());
    }

    [Fact]
    public async Task Put_CreateOnlyOverAnExistingBlob_ThrowsConflictAndKeepsTheFirst()
    {
        await blobs.CreateContainerIfMissingAsync(container);
        var first = await blobs.PutAsync(container, "a.txt", Encoding.UTF8.GetBytes("first"), "text/plain", overwrite: false);

        var conflict = await Assert.ThrowsAsync<StorageException>(() =>
            blobs.PutAsync(container, "a.txt", Encoding.UTF8.GetBytes("second"), "text/plain", overwrite: false));

        Assert.Equal((StorageFailure.Conflict, 409, "BlobAlreadyExists"), (conflict.Failure, conflict.Status, conflict.ErrorCode));
        var kept = await blobs.GetAsync(container, "a.txt");
        Assert.Equal(("first", first), (Encoding.UTF8.GetString(kept!.Content), kept.ETag));
    }

    [Fact]
    public async Task Put_Overwrite_ReplacesTheBlobAndItsETag()
    {
        await blobs.CreateContainerIfMissingAsync(container);
        var first = await blobs.PutAsync(container, "a.txt", Encoding.UTF8.GetBytes("first"), "text/plain");

        var second = await blobs.PutAsync(container, "a.txt", Encoding.UTF8.GetBytes("second"), "text/plain");

        Assert.NotEqual(first, second);
        Assert.Equal("second", Encoding.UTF8.GetString((await blobs.GetAsync(container, "a.txt"))!.Content));
    }

    [Fact]
    public async Task List_SmallPages_FollowsNextMarkerAndFiltersByPrefix()
    {
        await blobs.CreateContainerIfMissingAsync(container);
        var names = Enumerable.Range(0, 7).Select(i => $"day/{i:D2}.json").Append("other.json").ToArray();
        foreach (var name in names)
        {
            await blobs.PutAsync(container, name, new byte[i(name)], "application/json");
        }

        var listed = await blobs.ListAsync(container, "day/", pageSize: 3).ToListAsync();

        Assert.Equal(names[..7], listed.Select(b => b.Name));
        Assert.Equal(names[..7].Select(i).Select(n => (long)n), listed.Select(b => b.Length));

        static int i(string name) => name.Length;
    }

    [Fact]
    public async Task List_MoreThan5000Blobs_ReturnsEveryOneAcrossServicePages()
    {
        await blobs.CreateContainerIfMissingAsync(container);
        const int count = 5_003;
        await Parallel.ForAsync(0, count, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (n, token) =>
            await blobs.PutAsync(container, $"b{n:D5}", [1], "application/octet-stream", cancellationToken: token));

        var listed = await blobs.ListAsync(container).Select(b => b.Name).ToListAsync();

        Assert.Equal(Enumerable.Range(0, count).Select(n => $"b{n:D5}"), listed);
    }

    [Fact]
    public async Task Delete_ExistingThenMissing_ReturnsTrueThenFalse()
    {
        await blobs.CreateContainerIfMissingAsync(container);
        await blobs.PutAsync(container, "gone soon.txt", [1], "text/plain");

        Assert.True(await blobs.DeleteAsync(container, "gone soon.txt"));
        Assert.False(await blobs.DeleteAsync(container, "gone soon.txt"));
        Assert.Null(await blobs.GetAsync(container, "gone soon.txt"));
    }

    [Fact]
    public async Task DeleteContainer_ExistingThenMissing_RemovesItsBlobsThenReturnsFalse()
    {
        await blobs.CreateContainerIfMissingAsync(container);
        await blobs.PutAsync(container, "a.txt", [1], "text/plain");

        Assert.True(await blobs.DeleteContainerAsync(container));
        Assert.False(await blobs.DeleteContainerAsync(container));
        Assert.Equal(StorageFailure.NotFound, (await Assert.ThrowsAsync<StorageException>(() => blobs.GetAsync(container, "a.txt"))).Failure);
    }

    [Fact]
    public async Task Get_FromAMissingContainer_ThrowsNotFoundWithContainerNotFound()
    {
        var missing = await Assert.ThrowsAsync<StorageException>(() => blobs.GetAsync(container, "a.txt"));

        Assert.Equal((StorageFailure.NotFound, "ContainerNotFound"), (missing.Failure, missing.ErrorCode));
        Assert.Contains(container, missing.Message);
    }

    [Fact]
    public async Task Put_IntoAMissingContainer_ThrowsNotFoundWithContainerNotFound()
    {
        var missing = await Assert.ThrowsAsync<StorageException>(() => blobs.PutAsync(container, "a.txt", [1], "text/plain"));

        Assert.Equal((StorageFailure.NotFound, 404, "ContainerNotFound"), (missing.Failure, missing.Status, missing.ErrorCode));
    }

    [Theory]
    [InlineData("../outside.txt", "'..'")]
    [InlineData("a/../../outside.txt", "'..'")]
    [InlineData("./a.txt", "'.'")]
    [InlineData("/root.txt", "starts with '/'")]
    [InlineData("a\\..\\b.txt", "backslash")]
    [InlineData("a//b.txt", "empty path segment")]
    [InlineData("dir/", "empty path segment")]
    [InlineData("", "empty")]
    [InlineData(" ", "empty")]
    [InlineData("tab\tname.txt", "control character")]
    public async Task Put_NameThatLeavesItsContainer_IsRefusedBeforeSending(string name, string reason)
    {
        var refused = await Assert.ThrowsAsync<ArgumentException>(() => blobs.PutAsync(container, name, [1], "text/plain"));

        Assert.Contains(reason, refused.Message);
        // Nothing was sent: the container was never created, so a request would have failed with ContainerNotFound.
        Assert.True(await blobs.CreateContainerIfMissingAsync(container));
    }

    [Fact]
    public async Task Put_NameOver1024Characters_IsRefused() =>
        Assert.Contains("1024", (await Assert.ThrowsAsync<ArgumentException>(() => blobs.PutAsync(container, new string('a', 1025), [1], "text/plain"))).Message);

    [Theory]
    [InlineData("Upper")]
    [InlineData("a")]
    [InlineData("double--hyphen")]
    [InlineData("../x")]
    public async Task CreateContainer_InvalidName_IsRefusedBeforeSending(string name) =>
        await Assert.ThrowsAsync<ArgumentException>(() => blobs.CreateContainerIfMissingAsync(name));
}
