using AutoMapper;
using Mediator;
using ShopEase.Application.Common.Abstractions;
using ShopEase.Application.Passkeys.Models;

namespace ShopEase.Application.Passkeys.Queries.ListPasskeys;

public sealed class ListPasskeysQueryHandler(IPasskeyRepository passkeys, IMapper mapper)
    : IQueryHandler<ListPasskeysQuery, IReadOnlyList<PasskeyDto>>
{
    public async ValueTask<IReadOnlyList<PasskeyDto>> Handle(ListPasskeysQuery query, CancellationToken cancellationToken) =>
        mapper.Map<List<PasskeyDto>>(await passkeys.ListAsync(query.UserId, cancellationToken));
}
