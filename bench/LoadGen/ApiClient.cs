using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace ShopEase.LoadGen;

/// <summary>
/// HTTP/1.1 keep-alive connections to one API process through SocketsHttpHandler, the stack a .NET
/// service calling ShopEase would use. Bodies are read to the end before a request counts as done.
/// </summary>
internal sealed class ApiClient : IDisposable
{
    /// <summary>
    /// Far beyond any healthy answer (p99 is milliseconds, a hash a fraction of a second): a request
    /// still unanswered by then is a failure, so a stuck request ends the run with an error instead
    /// of hanging it.
    /// </summary>
    public static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(30);

    private static readonly MediaTypeHeaderValue JsonType = new("application/json");

    private readonly HttpMessageInvoker _invoker;
    private readonly Uri _base;

    public ApiClient(Uri baseAddress, int connections)
    {
        _base = baseAddress;
        _invoker = new HttpMessageInvoker(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = connections,
            UseCookies = false,
            UseProxy = false,
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.None,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(10),
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            ConnectTimeout = TimeSpan.FromSeconds(10),
        });
    }

    public Uri Route(string path) => new(_base, path);

    public Task<ApiResponse> GetAsync(Uri route, string? bearer = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, route);
        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        return SendAsync(request, keepBody: false);
    }

    public Task<ApiResponse> PostJsonAsync(Uri route, byte[] body, bool keepBody = false)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = JsonType;
        return SendAsync(new HttpRequestMessage(HttpMethod.Post, route) { Content = content }, keepBody);
    }

    public void Dispose() => _invoker.Dispose();

    public static byte[] JsonBody(params (string Name, string Value)[] fields)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var (name, value) in fields)
            {
                writer.WriteString(name, value);
            }

            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }

    public async Task<ApiResponse> SendAsync(HttpRequestMessage request, bool keepBody)
    {
        using (request)
        {
            using var timeout = new CancellationTokenSource(RequestTimeout);
            try
            {
                using var response = await _invoker.SendAsync(request, timeout.Token);
                var status = (int)response.StatusCode;
                if (keepBody || status is < 200 or > 299)
                {
                    return new ApiResponse(status, await response.Content.ReadAsByteArrayAsync(timeout.Token));
                }

                await response.Content.CopyToAsync(Stream.Null, timeout.Token);
                return new ApiResponse(status, null);
            }
            catch (OperationCanceledException) when (timeout.IsCancellationRequested)
            {
                throw new HttpRequestException($"{request.Method} {request.RequestUri?.AbsolutePath}: no answer within {RequestTimeout.TotalSeconds:0} s");
            }
        }
    }
}

internal readonly record struct ApiResponse(int Status, byte[]? Body)
{
    public bool IsSuccess => Status is >= 200 and <= 299;

    /// <summary>One top-level string property of a JSON object body, e.g. the new <c>refresh</c> token.</summary>
    public string? JsonString(string property)
    {
        if (Body is null)
        {
            return null;
        }

        var reader = new Utf8JsonReader(Body);
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == 1 && reader.ValueTextEquals(property))
            {
                reader.Read();
                return reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
            }
        }

        return null;
    }

    /// <summary><see cref="JsonString"/>, or null when the body is not JSON at all (e.g. a proxy's HTML error page).</summary>
    public string? JsonStringOrNull(string property)
    {
        try
        {
            return JsonString(property);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>One top-level integer property of a JSON object body, e.g. a product's <c>stock</c>; null when absent or not JSON.</summary>
    public long? JsonNumberOrNull(string property)
    {
        if (Body is null)
        {
            return null;
        }

        try
        {
            var reader = new Utf8JsonReader(Body);
            while (reader.Read())
            {
                if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == 1 && reader.ValueTextEquals(property))
                {
                    reader.Read();
                    return reader.TokenType == JsonTokenType.Number ? reader.GetInt64() : null;
                }
            }
        }
        catch (JsonException)
        {
            return null;
        }

        return null;
    }

    public string Describe() =>
        $"{Status} {(Body is null ? string.Empty : System.Text.Encoding.UTF8.GetString(Body, 0, Math.Min(Body.Length, 300)))}";
}
