namespace Digest.Storage;

/// <summary>
/// A stored record (a summary, briefing, rejection, delivery record, subscriber list or fan-out plan) is truncated
/// or not the JSON it should be. The message names the record and where it is, so an operator can repair or delete it.
/// Callers that can do without the record (a summary can be rebuilt from its article, another day's briefing is only
/// consulted) carry on; everyone else lets it fail as a server fault, never as a fault of the request.
/// </summary>
public sealed class DamagedRecordException(string kind, string item, string location, Exception? inner = null)
    : IOException($"The stored {kind} '{item}' ({location}) is damaged: it is not the expected JSON{(inner is null ? "." : ": " + inner.Message)} Repair or delete it.", inner)
{
    /// <summary>What kind of record: summary, briefing, rejection, delivery, subscriber list, fan-out plan, job.</summary>
    public string Kind { get; } = kind;

    /// <summary>The record's name: the article, the date, the delivery key.</summary>
    public string Item { get; } = item;
}

/// <summary>
/// An article name that a folder cannot hold beside another one ('x.txt' and 'x.txt/a.txt'); a storage account can.
/// </summary>
public sealed class ArticleNameClashException(string message) : IOException(message);

/// <summary>
/// A sender could not write its own delivery claim (a full disk, no permission, storage refusing the write). Nothing
/// was sent to that reader; the error is named so the run fails visibly, and a rerun sends once the claim can be written.
/// </summary>
public sealed class DeliveryClaimException(string deliveryKey, string location, Exception inner)
    : IOException($"Could not write the delivery claim for {deliveryKey} ({location}): {inner.Message} Nothing was sent to that reader; a rerun sends it once the claim can be written (e.g. once the disk has space).", inner)
{
    public string DeliveryKey { get; } = deliveryKey;
}
