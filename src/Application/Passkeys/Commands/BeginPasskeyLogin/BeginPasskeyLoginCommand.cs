using Mediator;
using ShopEase.Application.Passkeys.Models;

namespace ShopEase.Application.Passkeys.Commands.BeginPasskeyLogin;

public sealed record BeginPasskeyLoginCommand : ICommand<PasskeyLoginOptions>;
