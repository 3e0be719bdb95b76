using Mediator;
using ShopEase.Application.Auth.Models;
using ShopEase.Application.Common;

namespace ShopEase.Application.Auth.Commands.Register;

public sealed record RegisterCommand(string Email, string Password, ClientInfo Client) : ICommand<SignUpResult>;
