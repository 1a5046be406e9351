namespace Digest.Mail;

/// <summary>
/// An email (or a batch) was not accepted. <see cref="IsPermanent"/> says whether sending the same thing again can
/// help; the message carries the service's own explanation, with email addresses removed.
/// </summary>
public sealed class EmailDeliveryException : Exception
{
    public EmailDeliveryException()
    {
    }

    public EmailDeliveryException(string message)
        : base(message)
    {
    }

    public EmailDeliveryException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public EmailDeliveryException(string message, bool isPermanent, int? statusCode = null, Exception? innerException = null)
        : base(message, innerException)
    {
        IsPermanent = isPermanent;
        StatusCode = statusCode;
    }

    /// <summary>True when the service refused the email itself (bad request, bad key): retrying will not help.</summary>
    public bool IsPermanent { get; }

    /// <summary>The HTTP status or SMTP reply code, when there was one.</summary>
    public int? StatusCode { get; }
}
