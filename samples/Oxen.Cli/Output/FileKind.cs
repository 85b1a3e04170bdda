using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace Oxen.Cli.Output;

/// <summary>
/// What an existing path is, without following a final symbolic link. .NET reports a device such as
/// <c>/dev/full</c> as an ordinary file, so on Linux this asks the kernel (<c>statx</c>).
/// </summary>
internal static partial class FileKind
{
    private const int CurrentDirectory = -100; // AT_FDCWD
    private const int NoFollow = 0x100; // AT_SYMLINK_NOFOLLOW
    private const uint TypeMask = 0x1; // STATX_TYPE
    private const int ModeOffset = 28; // struct statx: stx_mask, stx_blksize, stx_attributes, stx_nlink, stx_uid, stx_gid, then stx_mode

    /// <summary><c>regular file</c>, <c>folder</c>, <c>symbolic link</c>, <c>character device</c>, ... or null when missing.</summary>
    public static string? Of(string path)
    {
        var info = new FileInfo(path);
        if (info.LinkTarget is not null)
        {
            return "symbolic link";
        }

        if (Directory.Exists(path))
        {
            return "folder";
        }

        if (!info.Exists)
        {
            return null;
        }

        if (!OperatingSystem.IsLinux())
        {
            return "regular file";
        }

        var buffer = new byte[256];
        if (Statx(CurrentDirectory, path, NoFollow, TypeMask, buffer) != 0)
        {
            return "file that cannot be inspected";
        }

        return (BinaryPrimitives.ReadUInt16LittleEndian(buffer.AsSpan(ModeOffset)) & 0xF000) switch
        {
            0x8000 => "regular file",
            0x4000 => "folder",
            0xA000 => "symbolic link",
            0x2000 => "character device",
            0x6000 => "block device",
            0x1000 => "pipe",
            0xC000 => "socket",
            _ => "special file",
        };
    }

    [LibraryImport("libc", EntryPoint = "statx", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Statx(int directory, string path, int flags, uint mask, [Out] byte[] buffer);
}
