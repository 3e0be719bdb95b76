using Mediator;
using ShopEase.Application.Auth.Models;
using ShopEase.Application.Common;
using ShopEase.Application.Common.Auditing;

namespace ShopEase.Application.Auth.Commands.Register;

public sealed record RegisterCommand(string Email, string Password, ClientInfo Client) : ICommand<SignUpResult>, IAuditedCommand;
