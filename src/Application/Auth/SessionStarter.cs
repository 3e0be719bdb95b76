using AutoMapper;
using Microsoft.Extensions.Options;
using ShopEase.Application.Auth.Models;
using ShopEase.Application.Common;
using ShopEase.Application.Common.Abstractions;
using ShopEase.Application.Common.Exceptions;
using ShopEase.Application.Common.Options;
using ShopEase.Domain.Sessions;
using ShopEase.Domain.Users;

namespace ShopEase.Application.Auth;

/// <summary>
/// Starts a session for a user who just proved who they are, and issues its first token pair; refused
/// (<see cref="InvalidCredentialsException"/>) when the password proved has been changed since.
/// </summary>
public sealed class SessionStarter(
    ISessionStore sessions,
    ITokenIssuer tokenIssuer,
    IMapper mapper,
    TimeProvider timeProvider,
    IOptions<SessionOptions> options)
{
    public async Task<AuthResult> StartAsync(User user, ClientInfo client, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var settings = options.Value;
        var session = AuthSession.Start(user.Id, now, settings.SessionLifetime, client.UserAgent, client.IpAddress);
        var refresh = await sessions.StartSessionAsync(
            session, session.RefreshTokenExpiry(now, settings.RefreshTokenLifetime), user.PasswordStamp, cancellationToken)
            ?? throw new InvalidCredentialsException();
        var access = tokenIssuer.IssueAccessToken(user.Id, session.Id);
        return new AuthResult(
            mapper.Map<UserDto>(user), access.Token, refresh, TokenPair.BearerTokenType, access.ExpiresInSeconds)
        {
            SessionId = session.Id,
        };
    }
}
