using Mediator;
using ShopEase.Application.Auth.Models;

namespace ShopEase.Application.Auth.Commands.CreateStaffUser;

/// <summary>Creates a staff account; run from the command line only, never reachable over HTTP.</summary>
public sealed record CreateStaffUserCommand(string Email, string Password) : ICommand<CurrentUserDto>;
