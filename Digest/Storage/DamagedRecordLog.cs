namespace Digest.Storage;

/// <summary>
/// How the stores report a damaged record that a listing skips: one warning naming it, so the listing (and every run
/// that needs it) carries on with the rest. A damaged summary is rebuilt when its article is summarized again.
/// </summary>
internal static partial class DamagedRecordLog
{
    [LoggerMessage(EventId = 2001, Level = LogLevel.Warning, Message = "Skipped the damaged {Kind} {Item} while listing; repair or delete it")]
    public static partial void Skipped(ILogger logger, Exception exception, string kind, string item);
}
