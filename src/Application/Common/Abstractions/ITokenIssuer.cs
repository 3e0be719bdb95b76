namespace ShopEase.Application.Common.Abstractions;

public interface ITokenIssuer
{
    /// <summary>
    /// An access token naming the account and its session, and nothing else about the account:
    /// what it may do is read when a request needs it, so a change takes effect at once.
    /// </summary>
    IssuedAccessToken IssueAccessToken(Guid userId, Guid sessionId);
}
