namespace ShopEase.LoadGen;

/// <summary>
/// One benchmark scenario: a fixed number of virtual users, each in a closed loop sending one request,
/// waiting for the whole answer, and sending the next. <paramref name="Step"/> sends virtual user N's next request.
/// </summary>
internal sealed record Scenario(
    string Key, string Title, int Connections, ApiClient Client, int ServerPid, Func<int, Task<ApiResponse>> Step)
{
    /// <summary>Login and sign-up: each request costs one PBKDF2 hash.</summary>
    public bool HashBound { get; init; }
}
