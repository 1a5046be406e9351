using Digest.Storage.AzureStorage;

namespace Digest.Tests.Storage;

/// <summary>The Table client against Azurite (Shared Key for Table signing).</summary>
[Collection(AzuriteCollection.Name)]
public sealed class TableClientTests(AzuriteFixture azurite)
{
    private readonly TableClient tables = azurite.CreateAccount().Tables;
    private readonly string table = AzuriteFixture.UniqueName("t");

    private static TableEntity Entity(string partition, string row, string value) =>
        new(partition, row, new Dictionary<string, string> { ["Value"] = value });

    [Fact]
    public async Task CreateIfMissing_CalledTwice_CreatesOnce()
    {
        Assert.True(await tables.CreateIfMissingAsync(table));
        Assert.False(await tables.CreateIfMissingAsync(table));
    }

    [Fact]
    public async Task InsertThenGet_RoundTripsPropertiesAndETag_QuotesAndUnicodeInKeys()
    {
        await tables.CreateIfMissingAsync(table);
        var etag = await tables.InsertAsync(table, Entity("O'Brien ü", "row 'one' € +&=", "café"));

        var read = await tables.GetAsync(table, "O'Brien ü", "row 'one' € +&=");

        Assert.NotNull(read);
        Assert.Equal("café", read.Properties["Value"]);
        Assert.Equal(etag, read.ETag);
        Assert.DoesNotContain("Timestamp", read.Properties.Keys);
    }

    [Fact]
    public async Task Insert_Twice_ThrowsConflictWithEntityAlreadyExists()
    {
        await tables.CreateIfMissingAsync(table);
        await tables.InsertAsync(table, Entity("p", "r", "first"));

        var conflict = await Assert.ThrowsAsync<StorageException>(() => tables.InsertAsync(table, Entity("p", "r", "second")));

        Assert.Equal((StorageFailure.Conflict, "EntityAlreadyExists"), (conflict.Failure, conflict.ErrorCode));
        Assert.Equal("first", (await tables.GetAsync(table, "p", "r"))!.Properties["Value"]);
    }

    [Fact]
    public async Task Insert_Failing_DoesNotPutTheRowKeyInTheMessage()
    {
        // Subscriber rows are keyed by address; exception messages reach logs, which must not hold addresses.
        await tables.CreateIfMissingAsync(table);
        await tables.InsertAsync(table, Entity("subscriber", "ada@example.com", "first"));

        var conflict = await Assert.ThrowsAsync<StorageException>(() => tables.InsertAsync(table, Entity("subscriber", "ada@example.com", "second")));

        Assert.DoesNotContain("ada@example.com", conflict.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("subscriber", conflict.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upsert_ReplacesTheWholeEntity()
    {
        await tables.CreateIfMissingAsync(table);
        await tables.UpsertAsync(table, new TableEntity("p", "r", new Dictionary<string, string> { ["A"] = "1", ["B"] = "2" }));

        await tables.UpsertAsync(table, new TableEntity("p", "r", new Dictionary<string, string> { ["A"] = "3" }));

        Assert.Equal(new Dictionary<string, string> { ["A"] = "3" }, (await tables.GetAsync(table, "p", "r"))!.Properties);
    }

    [Fact]
    public async Task UpsertAndDelete_WithAStaleETag_ThrowPreconditionFailedAndChangeNothing()
    {
        await tables.CreateIfMissingAsync(table);
        var stale = await tables.InsertAsync(table, Entity("p", "r", "v1"));
        var current = await tables.UpsertAsync(table, Entity("p", "r", "v2"), ifMatch: stale);

        var update = await Assert.ThrowsAsync<StorageException>(() => tables.UpsertAsync(table, Entity("p", "r", "v3"), ifMatch: stale));
        var delete = await Assert.ThrowsAsync<StorageException>(() => tables.DeleteAsync(table, "p", "r", ifMatch: stale));

        Assert.Equal((StorageFailure.PreconditionFailed, 412), (update.Failure, update.Status));
        Assert.Equal((StorageFailure.PreconditionFailed, "UpdateConditionNotSatisfied"), (delete.Failure, delete.ErrorCode));
        Assert.Equal("v2", (await tables.GetAsync(table, "p", "r"))!.Properties["Value"]);
        Assert.True(await tables.DeleteAsync(table, "p", "r", ifMatch: current));
        Assert.Null(await tables.GetAsync(table, "p", "r"));
        Assert.False(await tables.DeleteAsync(table, "p", "r"));
    }

    [Fact]
    public async Task QueryPartition_SmallPages_FollowsContinuationAndStaysInThePartition()
    {
        await tables.CreateIfMissingAsync(table);
        foreach (var row in new[] { "e", "a", "d", "b", "c" })
        {
            await tables.InsertAsync(table, Entity("mine", row, row.ToUpperInvariant()));
        }

        await tables.InsertAsync(table, Entity("other", "a", "X"));
        await tables.InsertAsync(table, Entity("mine'", "a", "X"));

        var rows = await tables.QueryPartitionAsync(table, "mine", pageSize: 2).ToListAsync();

        Assert.Equal(["a", "b", "c", "d", "e"], rows.Select(r => r.RowKey));
        Assert.Equal(["A", "B", "C", "D", "E"], rows.Select(r => r.Properties["Value"]));
    }

    [Fact]
    public async Task Get_FromAMissingTable_ThrowsNotFound()
    {
        var missing = await Assert.ThrowsAsync<StorageException>(() => tables.QueryPartitionAsync(table, "p").ToListAsync().AsTask());

        Assert.Equal(StorageFailure.NotFound, missing.Failure);
        Assert.NotNull(missing.ErrorCode);
    }

    [Theory]
    [InlineData("a/b")]
    [InlineData("a#b")]
    [InlineData("a?b")]
    [InlineData("a\\b")]
    public async Task Get_KeyWithForbiddenCharacter_IsRefusedBeforeSending(string key) =>
        await Assert.ThrowsAsync<ArgumentException>(() => tables.GetAsync(table, key, "r"));

    [Fact]
    public void TableKeys_Escape_KeepsDistinctValuesDistinctAndUsable()
    {
        Assert.Equal("a%2Fb%23c%3Fd%5Ce%25", TableKeys.Escape("a/b#c?d\\e%"));
        Assert.NotEqual(TableKeys.Escape("a/b"), TableKeys.Escape("a%2Fb"));
    }
}
