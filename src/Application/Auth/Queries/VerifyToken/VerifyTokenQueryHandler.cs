using Mediator;
using ShopEase.Application.Auth.Models;
using ShopEase.Application.Common.Abstractions;
using ShopEase.Application.Common.Exceptions;

namespace ShopEase.Application.Auth.Queries.VerifyToken;

public sealed class VerifyTokenQueryHandler(IAccessTokenValidator validator) : IQueryHandler<VerifyTokenQuery, TokenVerified>
{
    private static readonly TokenVerified Verified = new();

    public async ValueTask<TokenVerified> Handle(VerifyTokenQuery query, CancellationToken cancellationToken) =>
        await validator.IsValidAsync(query.Token, cancellationToken) ? Verified : throw new TokenNotValidException();
}
