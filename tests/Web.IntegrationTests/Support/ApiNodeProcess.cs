using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using ShopEase.Web.IntegrationTests.Support.OpenApi;

namespace ShopEase.Web.IntegrationTests.Support;

/// <summary>
/// The built app as a running server process, as an operator starts it, on a free loopback port:
/// for what an in-memory test server cannot show (real listeners, a second port).
/// </summary>
public sealed class ApiNodeProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private ApiNodeProcess(Process process, int port)
    {
        _process = process;
        Port = port;
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public int Port { get; }

    public Uri BaseAddress => new($"http://127.0.0.1:{Port}");

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Starts the app and waits until <c>/health/live</c> answers 200.</summary>
    public static async Task<ApiNodeProcess> StartAsync(IReadOnlyDictionary<string, string> environment)
    {
        var port = LoopbackPort.Free();
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(typeof(Program).Assembly.Location);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{port}");
        start.Environment["Logging__LogLevel__Default"] = "Warning";

        // Required outside Development, as in WebAppProcess; a test that needs a particular key sets its own.
        start.Environment["Mfa__EncryptionKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var node = new ApiNodeProcess(Process.Start(start)!, port);
        using var http = new HttpClient { BaseAddress = node.BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(60))
        {
            if (node._process.HasExited)
            {
                throw new InvalidOperationException($"The app exited at start with code {node._process.ExitCode}: {node.Output}");
            }

            try
            {
                if ((await http.GetAsync("/health/live")).IsSuccessStatusCode)
                {
                    return node;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }

            await Task.Delay(50);
        }

        await node.DisposeAsync();
        throw new TimeoutException($"The app did not answer /health/live within 60 s: {node.Output}");
    }

    /// <summary>A client over a real socket from 127.0.0.1 whose every answer is checked against the node's OpenAPI document.</summary>
    public HttpClient CreateClient() =>
        new(new OpenApiConformanceHandler(OpenApiContractSource.At(BaseAddress)) { InnerHandler = new SocketsHttpHandler() })
        {
            BaseAddress = BaseAddress,
            Timeout = TimeSpan.FromSeconds(30),
        };

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.AppendLine(line);
            }
        }
    }
}
