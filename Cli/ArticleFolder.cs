using System.Buffers.Binary;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Digest.Cli;

/// <summary>One file found in an articles folder: its name relative to the folder, and why it is skipped, if it is.</summary>
public sealed record FolderEntry(string Name, string FullPath, string? Skipped = null);

/// <summary>What reading a folder entry gave: the file's bytes, or why it was skipped.</summary>
public sealed record FolderFile(byte[]? Content, string? Skipped);

/// <summary>
/// Reads a folder of articles safely, for <c>run</c> and <c>upload</c>: every non-hidden regular file under it, in
/// ordinal order of its relative name. Symbolic links are never followed (a link could bring in a file from
/// anywhere, or loop); pipes, sockets and devices are skipped, because reading them could hang or never end; a
/// file's size is checked before it is read and no more than the size limit plus one byte is ever read. Each
/// entry that cannot be used is skipped with its reason, so one bad entry never stops or hangs a run.
/// </summary>
/// <remarks>
/// On Linux the file type comes from <c>lstat</c>, and the file is opened non-blocking and without following links
/// and checked again with <c>fstat</c>, so an entry swapped for a pipe or a link after listing is still refused.
/// .NET has no public API for the type of a special file, hence the two libc calls. Elsewhere .NET's own checks apply.
/// </remarks>
public static partial class ArticleFolder
{
    /// <summary>The entries under <paramref name="folder"/>, hidden ones (name starting with '.') left out.</summary>
    public static List<FolderEntry> List(DirectoryInfo folder)
    {
        var entries = new List<FolderEntry>();
        Walk(folder, folder.FullName, entries);
        entries.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
        return entries;
    }

    /// <summary>One file given by name: skipped, with the reason, when it is a link or not a regular file.</summary>
    public static FolderEntry File(FileInfo file) =>
        new(file.Name, file.FullName, file.LinkTarget is { } target ? LinkReason(file, target) : SpecialFileReason(file.FullName));

    /// <summary>The content of <paramref name="entry"/>, at most <paramref name="maxBytes"/> bytes, or why it is skipped.</summary>
    public static async Task<FolderFile> ReadAsync(FolderEntry entry, int maxBytes, CancellationToken cancellationToken)
    {
        if (entry.Skipped is { } skipped)
        {
            return new FolderFile(null, skipped);
        }

        try
        {
            using var handle = Open(entry.FullPath, out var problem);
            if (handle is null)
            {
                return new FolderFile(null, problem);
            }

            var length = RandomAccess.GetLength(handle);
            if (length > maxBytes)
            {
                return new FolderFile(null, $"the file is {length:N0} bytes, over the {maxBytes:N0}-byte limit; it was not read");
            }

            // Read up to one byte more than the limit, in case the file grew since its size was taken.
            var buffer = new byte[Math.Min((long)maxBytes + 1, Math.Max(length, 4096))];
            var total = 0;
            while (total < buffer.Length)
            {
                var read = await RandomAccess.ReadAsync(handle, buffer.AsMemory(total), total, cancellationToken);
                if (read == 0)
                {
                    break;
                }

                total += read;
                if (total == buffer.Length && total <= maxBytes)
                {
                    Array.Resize(ref buffer, (int)Math.Min((long)maxBytes + 1, buffer.Length * 2L));
                }
            }

            return total > maxBytes
                ? new FolderFile(null, $"the file grew over the {maxBytes:N0}-byte limit while it was read")
                : new FolderFile(buffer.AsSpan(0, total).ToArray(), null);
        }
        catch (Exception failure) when (failure is IOException or UnauthorizedAccessException)
        {
            return new FolderFile(null, $"the file could not be read: {failure.Message}");
        }
    }

    private static void Walk(DirectoryInfo directory, string root, List<FolderEntry> entries)
    {
        IEnumerable<FileSystemInfo> children;
        try
        {
            children = directory.EnumerateFileSystemInfos("*", new EnumerationOptions
            {
                RecurseSubdirectories = false,
                IgnoreInaccessible = false,
                AttributesToSkip = 0,
            }).ToList();
        }
        catch (Exception failure) when (failure is IOException or UnauthorizedAccessException)
        {
            entries.Add(new FolderEntry(NameOf(directory, root) + "/", directory.FullName, $"the folder could not be listed: {failure.Message}"));
            return;
        }

        foreach (var child in children)
        {
            if (child.Name.StartsWith('.'))
            {
                continue;
            }

            var name = NameOf(child, root);
            if (child.LinkTarget is { } target)
            {
                entries.Add(new FolderEntry(name, child.FullName, LinkReason(child, target)));
            }
            else if (child is DirectoryInfo subfolder)
            {
                Walk(subfolder, root, entries);
            }
            else
            {
                entries.Add(new FolderEntry(name, child.FullName, SpecialFileReason(child.FullName)));
            }
        }
    }

    private static string NameOf(FileSystemInfo entry, string root) => Path.GetRelativePath(root, entry.FullName).Replace('\\', '/');

    private static string LinkReason(FileSystemInfo link, string target)
    {
        string what;
        try
        {
            what = link.ResolveLinkTarget(returnFinalTarget: true) is { Exists: true } final
                ? $"a symbolic link to '{target}'"
                : $"a dangling symbolic link (to '{target}', which does not exist)";
        }
        catch (IOException)
        {
            what = $"a symbolic link that loops (to '{target}')";
        }

        return $"{what}: links are not followed; copy the article into the folder instead";
    }

    /// <summary>Why the entry at <paramref name="path"/> is not a regular file, or null when it is one.</summary>
    private static string? SpecialFileReason(string path)
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        var status = new byte[StatSize];
        if (LStat(path, status) != 0)
        {
            return $"the file could not be examined (error {Marshal.GetLastPInvokeError()})";
        }

        return Describe(Mode(status));
    }

    private static string? Describe(uint mode) => (mode & FileTypeMask) switch
    {
        RegularFile => null,
        NamedPipe => "a named pipe (FIFO), not a regular file: reading it could wait forever",
        CharacterDevice => "a character device, not a regular file: reading it may never end",
        BlockDevice => "a block device, not a regular file",
        Socket => "a socket, not a regular file",
        SymbolicLink => "a symbolic link: links are not followed",
        Directory => "a folder",
        _ => "not a regular file",
    };

    /// <summary>Opens a regular file for reading, or says why not; on Linux without blocking and without following a link.</summary>
    private static SafeFileHandle? Open(string path, out string? problem)
    {
        problem = null;
        if (!OperatingSystem.IsLinux())
        {
            return System.IO.File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        }

        var noFollow = RuntimeInformation.ProcessArchitecture is Architecture.Arm64 or Architecture.Arm ? 0x8000 : 0x20000;
        var descriptor = OpenFile(path, NonBlocking | CloseOnExec | noFollow);
        if (descriptor < 0)
        {
            problem = $"the file could not be opened (error {Marshal.GetLastPInvokeError()}): it may have been replaced by a link, pipe or socket";
            return null;
        }

        var handle = new SafeFileHandle(descriptor, ownsHandle: true);
        var status = new byte[StatSize];
        if (FStat(descriptor, status) != 0 || Describe(Mode(status)) is { } notRegular)
        {
            problem = Describe(Mode(status)) ?? "the file could not be examined";
            handle.Dispose();
            return null;
        }

        return handle;
    }

    // struct stat on Linux: st_mode is at byte 24 on x86-64 and at byte 16 on the generic layout (arm64).
    private const int StatSize = 256;
    private const uint FileTypeMask = 0xF000;
    private const uint Socket = 0xC000;
    private const uint SymbolicLink = 0xA000;
    private const uint RegularFile = 0x8000;
    private const uint BlockDevice = 0x6000;
    private const uint Directory = 0x4000;
    private const uint CharacterDevice = 0x2000;
    private const uint NamedPipe = 0x1000;
    private const int NonBlocking = 0x800;
    private const int CloseOnExec = 0x80000;

    private static uint Mode(byte[] status) =>
        BinaryPrimitives.ReadUInt32LittleEndian(status.AsSpan(RuntimeInformation.ProcessArchitecture == Architecture.X64 ? 24 : 16));

    [LibraryImport("libc", EntryPoint = "lstat", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int LStat(string path, [Out] byte[] status);

    [LibraryImport("libc", EntryPoint = "fstat", SetLastError = true)]
    private static partial int FStat(nint descriptor, [Out] byte[] status);

    [LibraryImport("libc", EntryPoint = "open", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int OpenFile(string path, int flags);
}
