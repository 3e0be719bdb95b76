using Mediator;
using ShopEase.Application.Carts.Models;

namespace ShopEase.Application.Carts.Queries.GetCart;

public sealed record GetCartQuery(Guid UserId) : IQuery<CartDto>;
