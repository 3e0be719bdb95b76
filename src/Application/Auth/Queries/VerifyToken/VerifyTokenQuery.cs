using Mediator;
using ShopEase.Application.Auth.Models;

namespace ShopEase.Application.Auth.Queries.VerifyToken;

public sealed record VerifyTokenQuery(string Token) : IQuery<TokenVerified>;
