namespace ShopEase.Web.IntegrationTests.Support.OpenApi;

/// <summary>
/// One app's <see cref="OpenApiContract"/>, fetched from the app once and shared by all its
/// clients, so that a test's first request does not pay for generating the document.
/// </summary>
public sealed class OpenApiContractSource(Func<CancellationToken, Task<string>> fetchDocument)
{
    private static readonly TimeSpan FetchTimeout = TimeSpan.FromSeconds(30);

    private readonly Lazy<Task<OpenApiContract>> _contract = new(() => LoadAsync(fetchDocument));

    /// <summary>The contract of the app at <paramref name="baseAddress"/>, e.g. a process the test started.</summary>
    public static OpenApiContractSource At(Uri baseAddress) => new(async ct =>
    {
        using var client = new HttpClient { BaseAddress = baseAddress };
        return await client.GetStringAsync(OpenApiContract.DocumentPath, ct);
    });

    public Task<OpenApiContract> GetAsync() => _contract.Value;

    /// <summary>Starts fetching now, e.g. when a client is made, rather than at its first answer.</summary>
    public void Prefetch() => _ = _contract.Value;

    private static async Task<OpenApiContract> LoadAsync(Func<CancellationToken, Task<string>> fetchDocument)
    {
        using var timeout = new CancellationTokenSource(FetchTimeout);
        try
        {
            return OpenApiContract.For(await fetchDocument(timeout.Token));
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException)
        {
            throw new OpenApiConformanceException($"The app did not serve its OpenAPI document at {OpenApiContract.DocumentPath}.", ex);
        }
    }
}
