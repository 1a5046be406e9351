namespace Digest.Storage;

/// <summary>
/// An exclusive lock on a lock file, held across threads and processes (the operating system refuses a second
/// exclusive open), so read-modify-write of one file by many writers loses no update. Waits, polling, while another
/// holder has it; a crashed holder's lock goes with its process, so there is nothing to expire.
/// </summary>
internal sealed class FileLock : IDisposable
{
    private readonly FileStream stream;

    private FileLock(FileStream stream) => this.stream = stream;

    /// <exception cref="TimeoutException">Another holder kept the lock for longer than <paramref name="timeout"/>.</exception>
    public static async Task<FileLock> AcquireAsync(string path, TimeSpan timeout, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var waited = System.Diagnostics.Stopwatch.StartNew();
        var delay = 5;
        while (true)
        {
            try
            {
                return new FileLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.None));
            }
            catch (IOException) when (waited.Elapsed < timeout)
            {
                await Task.Delay(delay, cancellationToken);
                delay = Math.Min(delay * 2, 100);
            }
            catch (IOException held)
            {
                throw new TimeoutException($"{path} stayed locked by another writer for {timeout.TotalSeconds:N0} s.", held);
            }
        }
    }

    public void Dispose() => stream.Dispose();
}
