namespace ShopEase.Web.IntegrationTests.Support.OpenApi;

/// <summary>
/// Sits in every test client, next to the app: each response is checked against the app's own
/// <c>/openapi/v1.json</c> before the test sees it. A response the document does not describe
/// fails the request with <see cref="OpenApiConformanceException"/>, and so the test that sent it.
/// </summary>
public sealed class OpenApiConformanceHandler(OpenApiContractSource contract) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        var uri = request.RequestUri!;
        if (OpenApiContract.IsTheDocument(request.Method, uri))
        {
            return response;
        }

        var checker = await contract.GetAsync();
        await response.Content.LoadIntoBufferAsync(cancellationToken);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        var failure = checker.Check(
            request.Method, uri, IsCorsPreflight(request), (int)response.StatusCode, response.Content.Headers.ContentType?.MediaType, body);
        if (failure is null)
        {
            return response;
        }

        response.Dispose();
        throw new OpenApiConformanceException(failure);
    }

    private static bool IsCorsPreflight(HttpRequestMessage request) =>
        request.Method == HttpMethod.Options && request.Headers.Contains("Access-Control-Request-Method");
}
