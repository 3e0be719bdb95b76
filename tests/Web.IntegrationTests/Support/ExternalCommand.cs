using System.Diagnostics;

namespace ShopEase.Web.IntegrationTests.Support;

/// <summary>Runs a program to its end, as an operator or CI would, and hands back its exit code and output.</summary>
public static class ExternalCommand
{
    public static async Task<(int ExitCode, string Output)> RunAsync(
        string fileName,
        IEnumerable<string> args,
        TimeSpan timeout,
        IReadOnlyDictionary<string, string>? environment = null,
        string? stdin = null,
        string? workingDirectory = null)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? string.Empty,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            return (127, $"{fileName} could not be started: {ex.Message}");
        }

        using (process)
        {
            if (stdin is not null)
            {
                await process.StandardInput.WriteLineAsync(stdin);
            }

            process.StandardInput.Close();
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using var deadline = new CancellationTokenSource(timeout);
            try
            {
                await process.WaitForExitAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"{fileName} did not exit within {timeout}: {await stdout}{await stderr}");
            }

            return (process.ExitCode, await stdout + await stderr);
        }
    }

    /// <summary>The repository's root, found from the test assembly's folder by its solution file.</summary>
    public static string RepositoryRoot()
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
