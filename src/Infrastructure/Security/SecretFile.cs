namespace ShopEase.Infrastructure.Security;

/// <summary>Key material on disk: created readable by its owner only, never through a name that already exists.</summary>
public static class SecretFile
{
    private const UnixFileMode OwnerReadWrite = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode OwnerOnlyDirectory = OwnerReadWrite | UnixFileMode.UserExecute;

    /// <summary>
    /// The file is created with mode 0600 by the same call that creates it (O_CREAT|O_EXCL), so there is no
    /// moment when another user can read it, and an existing file or symbolic link of that name is an error
    /// rather than something to write through. A directory it creates is 0700.
    /// </summary>
    /// <exception cref="IOException">The name already exists.</exception>
    public static void WriteOwnerOnly(string path, string content)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(directory);
        }
        else
        {
            Directory.CreateDirectory(directory, OwnerOnlyDirectory);
        }

        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = OwnerReadWrite;
        }

        using var writer = new StreamWriter(path, options);
        writer.Write(content);
    }

    /// <summary>Whether the file's group or others may read, write or run it (always false on Windows).</summary>
    public static bool IsOpenToOthers(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            return false;
        }

        const UnixFileMode others = UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
            | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;
        return (File.GetUnixFileMode(path) & others) != 0;
    }
}
