namespace Digest.Storage.AzureStorage;

/// <summary>What kind of storage failure happened, so callers can react without parsing messages.</summary>
public enum StorageFailure
{
    /// <summary>The request was malformed or a value was out of range (400).</summary>
    BadRequest,

    /// <summary>Wrong key, expired token or missing role assignment (401/403).</summary>
    AuthenticationFailed,

    /// <summary>The container, queue, table, blob, message or entity does not exist (404).</summary>
    NotFound,

    /// <summary>It already exists, or is being deleted (409).</summary>
    Conflict,

    /// <summary>An ETag or If-None-Match condition did not hold (412).</summary>
    PreconditionFailed,

    /// <summary>The account is over its limits (429 or 503 with ServerBusy); retried before this is thrown.</summary>
    Throttled,

    /// <summary>The service failed (5xx); retried before this is thrown.</summary>
    ServerError,

    /// <summary>No answer: the endpoint refused the connection, timed out or does not resolve.</summary>
    Unreachable,

    /// <summary>Any other status.</summary>
    Other,
}
