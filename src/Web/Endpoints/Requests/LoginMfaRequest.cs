namespace ShopEase.Web.Endpoints.Requests;

/// <summary>
/// The second step of a login: the mfaToken with either a TOTP code or a recovery code. The two are
/// alternatives, so neither is a required member of the body.
/// </summary>
public sealed record LoginMfaRequest(string? MfaToken)
{
    public string? Code { get; init; }

    public string? RecoveryCode { get; init; }
}
