using ShopEase.Domain.Users;

namespace ShopEase.Application.Common.Abstractions;

public interface ITokenIssuer
{
    IssuedAccessToken IssueAccessToken(User user, Guid sessionId);
}
