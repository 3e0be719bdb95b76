namespace ShopEase.Architecture.Tests;

/// <summary>
/// Someone who clones only this repository must find everything it refers to: no file may send
/// the reader to documents kept outside it.
/// </summary>
public sealed class RepositoryStandsAloneTests
{
    private static readonly string[] OutsideReferences = ["../shared", "shared/API.md", "STYLE.md"];

    private static readonly string[] TextExtensions =
        [".cs", ".md", ".sh", ".json", ".props", ".csproj", ".sln", ".yml", ".yaml", ".ts", ".js", ".html", ".css", ".sql", ".cfg", ".txt", ""];

    [Fact]
    public void NoFile_PointsAtDocumentsOutsideTheRepository()
    {
        var root = RepositoryFiles.Root;
        var offenders = RepositoryFiles.Under(root)
            .Where(file => TextExtensions.Contains(Path.GetExtension(file), StringComparer.OrdinalIgnoreCase))
            .Where(file => file != ThisFile(root))
            .SelectMany(file => File.ReadLines(file)
                .Select((line, index) => (line, number: index + 1))
                .Where(entry => OutsideReferences.Any(reference => entry.line.Contains(reference, StringComparison.Ordinal)))
                .Select(entry => $"{Path.GetRelativePath(root, file)}:{entry.number}: {entry.line.Trim()}"))
            .ToList();

        offenders.ShouldBeEmpty();
    }

    private static string ThisFile(string root) =>
        Path.Combine(root, "tests", "Architecture.Tests", $"{nameof(RepositoryStandsAloneTests)}.cs");
}
