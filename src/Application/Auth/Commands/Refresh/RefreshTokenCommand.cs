using Mediator;
using ShopEase.Application.Auth.Models;

namespace ShopEase.Application.Auth.Commands.Refresh;

/// <param name="RequiredSessionId">
/// Set in browser mode from the CSRF token: the refresh token must belong to that very session.
/// </param>
public sealed record RefreshTokenCommand(string Refresh, Guid? RequiredSessionId = null) : ICommand<TokenPair>;
