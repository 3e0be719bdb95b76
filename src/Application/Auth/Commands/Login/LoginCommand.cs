using Mediator;
using ShopEase.Application.Auth.Models;
using ShopEase.Application.Common;
using ShopEase.Application.Common.Auditing;

namespace ShopEase.Application.Auth.Commands.Login;

public sealed record LoginCommand(string Email, string Password, ClientInfo Client) : ICommand<LoginResult>, IAuditedCommand;
