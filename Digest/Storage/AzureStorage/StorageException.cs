namespace Digest.Storage.AzureStorage;

/// <summary>
/// A storage request failed. Carries the HTTP status, the service's error code (e.g. <c>AuthorizationFailure</c>,
/// <c>ContainerNotFound</c>, <c>BlobAlreadyExists</c>, <c>UpdateConditionNotSatisfied</c>) and a message that says
/// which operation on which resource failed.
/// </summary>
public sealed class StorageException : Exception
{
    public StorageException(StorageFailure failure, int status, string? errorCode, string message, Exception? inner = null)
        : base(message, inner)
    {
        Failure = failure;
        Status = status;
        ErrorCode = errorCode;
    }

    public StorageFailure Failure { get; }

    /// <summary>HTTP status, 0 when the service never answered.</summary>
    public int Status { get; }

    /// <summary>The service's error code, when it sent one.</summary>
    public string? ErrorCode { get; }

    /// <summary>Maps an HTTP status (and the service error code) to the kind of failure.</summary>
    public static StorageFailure Classify(int status, string? errorCode) => status switch
    {
        400 => StorageFailure.BadRequest,
        401 or 403 => StorageFailure.AuthenticationFailed,
        404 => StorageFailure.NotFound,
        409 => StorageFailure.Conflict,
        412 => StorageFailure.PreconditionFailed,
        429 => StorageFailure.Throttled,
        503 when errorCode is "ServerBusy" => StorageFailure.Throttled,
        >= 500 => StorageFailure.ServerError,
        _ => StorageFailure.Other,
    };
}
