namespace ShopEase.LoadGen;

/// <summary>A seeded user: what virtual user N sends as itself, and the head of its own refresh-token chain.</summary>
internal sealed class Account
{
    private string? _refresh;

    public Account(string email, string password, string access, string refresh)
    {
        Access = access;
        _refresh = refresh;
        LoginBody = ApiClient.JsonBody(("email", email), ("password", password));
        VerifyBody = ApiClient.JsonBody(("token", access));
    }

    public string Access { get; }

    public byte[] LoginBody { get; }

    public byte[] VerifyBody { get; }

    /// <summary>Hands out the chain's current refresh token once: after this it is spent, whatever the answer.</summary>
    public string TakeRefresh()
    {
        var token = _refresh ?? throw new ChainBrokenException("refresh chain broken earlier");
        _refresh = null;
        return token;
    }

    public void ContinueChain(string? next) => _refresh = next;
}
