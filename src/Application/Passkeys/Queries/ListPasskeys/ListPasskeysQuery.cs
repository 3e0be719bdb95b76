using Mediator;
using ShopEase.Application.Passkeys.Models;

namespace ShopEase.Application.Passkeys.Queries.ListPasskeys;

public sealed record ListPasskeysQuery(Guid UserId) : IQuery<IReadOnlyList<PasskeyDto>>;
