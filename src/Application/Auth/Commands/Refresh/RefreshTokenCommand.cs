using Mediator;
using ShopEase.Application.Auth.Models;

namespace ShopEase.Application.Auth.Commands.Refresh;

public sealed record RefreshTokenCommand(string Refresh) : ICommand<TokenPair>;
