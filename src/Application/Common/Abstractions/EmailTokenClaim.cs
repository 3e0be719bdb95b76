using ShopEase.Domain.Users;

namespace ShopEase.Application.Common.Abstractions;

/// <summary>What a mailed token stood for: whose it is, what for, and the address it was sent to.</summary>
public sealed record EmailTokenClaim(Guid UserId, EmailTokenPurpose Purpose, string Email);
