namespace ShopEase.Architecture.Tests;

/// <summary>The repository's files on disk, for rules that compare the code with its folders.</summary>
internal static class RepositoryFiles
{
    private static readonly string[] SkippedDirectories = [".git", "bin", "obj", "node_modules", ".data", "TestResults"];

    public static string Root { get; } = FindRoot();

    public static string ApplicationSource { get; } = Path.Combine(Root, "src", "Application");

    /// <summary>Every file under <paramref name="directory"/>, skipping build output, dependencies and data.</summary>
    public static IEnumerable<string> Under(string directory)
    {
        foreach (var file in Directory.EnumerateFiles(directory))
        {
            yield return file;
        }

        foreach (var child in Directory.EnumerateDirectories(directory))
        {
            if (SkippedDirectories.Contains(Path.GetFileName(child), StringComparer.Ordinal))
            {
                continue;
            }

            foreach (var file in Under(child))
            {
                yield return file;
            }
        }
    }

    /// <summary>The namespace a file under src/Application declares by its folder: ShopEase.Application.Auth.Commands.Register.</summary>
    public static string ApplicationNamespaceOf(string directory) =>
        string.Join('.', [Layers.ApplicationNamespace, .. Path.GetRelativePath(ApplicationSource, directory).Split(Path.DirectorySeparatorChar)]);

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "ShopEase.sln")))
            {
                return directory.FullName;
            }
        }

        throw new DirectoryNotFoundException($"No ShopEase.sln above {AppContext.BaseDirectory}.");
    }
}
