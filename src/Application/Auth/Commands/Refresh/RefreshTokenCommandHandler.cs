using Mediator;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ShopEase.Application.Auth.Models;
using ShopEase.Application.Common.Abstractions;
using ShopEase.Application.Common.Exceptions;
using ShopEase.Application.Common.Options;

namespace ShopEase.Application.Auth.Commands.Refresh;

public sealed partial class RefreshTokenCommandHandler(
    ISessionStore sessions,
    ITokenIssuer tokenIssuer,
    TimeProvider timeProvider,
    IOptions<SessionOptions> options,
    IShopMetrics metrics,
    ILogger<RefreshTokenCommandHandler> logger) : ICommandHandler<RefreshTokenCommand, TokenPair>
{
    public async ValueTask<TokenPair> Handle(RefreshTokenCommand command, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var rotation = await sessions.RotateAsync(
            command.Refresh, now, options.Value.RefreshTokenLifetime, cancellationToken, command.RequiredSessionId);

        switch (rotation.Status)
        {
            case RefreshRotationStatus.ReuseDetected:
                LogReuseDetected(logger, rotation.UserId, rotation.SessionId);
                metrics.RefreshTokenReuseDetected();
                metrics.SessionsRevoked(SessionRevocationReason.TokenReuse, 1);
                throw new TokenNotValidException();
            case RefreshRotationStatus.SpentWithinGrace:
                LogSpentWithinGrace(logger, rotation.SessionId, rotation.UserId);
                throw new TokenNotValidException();
            case RefreshRotationStatus.Rejected:
                throw new TokenNotValidException();
            case RefreshRotationStatus.WrongSession:
                throw new SessionMismatchException();
            case RefreshRotationStatus.RateLimited:
                throw new RateLimitedException(rotation.RetryAfter);
        }

        var access = tokenIssuer.IssueAccessToken(rotation.UserId, rotation.SessionId);
        return new TokenPair(access.Token, rotation.NewRefreshToken!, TokenPair.BearerTokenType, access.ExpiresInSeconds);
    }

    [LoggerMessage(EventId = 1201, Level = LogLevel.Warning,
        Message = "Refresh token reuse detected: session {SessionId} of user {UserId} revoked")]
    private static partial void LogReuseDetected(ILogger logger, Guid userId, Guid sessionId);

    [LoggerMessage(EventId = 1202, Level = LogLevel.Information,
        Message = "Spent refresh token of session {SessionId} of user {UserId} presented again within the reuse grace: refused, session kept")]
    private static partial void LogSpentWithinGrace(ILogger logger, Guid sessionId, Guid userId);
}
