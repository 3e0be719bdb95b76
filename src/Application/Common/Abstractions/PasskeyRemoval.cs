namespace ShopEase.Application.Common.Abstractions;

public enum PasskeyRemoval
{
    Deleted,
    NotFound,

    /// <summary>Refused: the account has no password and this is its last passkey.</summary>
    LastWayIn,
}
