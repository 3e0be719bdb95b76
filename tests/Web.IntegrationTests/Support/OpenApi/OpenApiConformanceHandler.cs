namespace ShopEase.Web.IntegrationTests.Support.OpenApi;

/// <summary>
/// Sits in every test client, next to the app: each response is checked against the app's own
/// <c>/openapi/v1.json</c> (fetched through the same client on first use) before the test sees it.
/// A response the document does not describe fails the request with
/// <see cref="OpenApiConformanceException"/>, and so the test that sent it.
/// </summary>
public sealed class OpenApiConformanceHandler : DelegatingHandler
{
    private readonly SemaphoreSlim _loading = new(1, 1);
    private OpenApiContract? _contract;

    public OpenApiConformanceHandler()
    {
    }

    public OpenApiConformanceHandler(HttpMessageHandler innerHandler)
        : base(innerHandler)
    {
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        var uri = request.RequestUri!;
        if (OpenApiContract.IsTheDocument(request.Method, uri))
        {
            return response;
        }

        var contract = await ContractAsync(uri, cancellationToken);
        await response.Content.LoadIntoBufferAsync(cancellationToken);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        var failure = contract.Check(
            request.Method, uri, IsCorsPreflight(request), (int)response.StatusCode, response.Content.Headers.ContentType?.MediaType, body);
        if (failure is null)
        {
            return response;
        }

        response.Dispose();
        throw new OpenApiConformanceException(failure);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _loading.Dispose();
        }

        base.Dispose(disposing);
    }

    private static bool IsCorsPreflight(HttpRequestMessage request) =>
        request.Method == HttpMethod.Options && request.Headers.Contains("Access-Control-Request-Method");

    private async Task<OpenApiContract> ContractAsync(Uri requestUri, CancellationToken cancellationToken)
    {
        if (_contract is { } loaded)
        {
            return loaded;
        }

        await _loading.WaitAsync(cancellationToken);
        try
        {
            if (_contract is null)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(requestUri, OpenApiContract.DocumentPath));
                using var response = await base.SendAsync(request, cancellationToken);
                var text = await response.Content.ReadAsStringAsync(cancellationToken);
                if (!response.IsSuccessStatusCode)
                {
                    throw new OpenApiConformanceException(
                        $"The app did not serve its OpenAPI document ({(int)response.StatusCode}): {text}");
                }

                _contract = OpenApiContract.For(text);
            }

            return _contract;
        }
        finally
        {
            _loading.Release();
        }
    }
}
