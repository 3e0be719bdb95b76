using Microsoft.EntityFrameworkCore;
using ShopEase.Application.Common.Abstractions;
using ShopEase.Domain.Users;
using ShopEase.Infrastructure.Persistence;
using ShopEase.Infrastructure.Security;

namespace ShopEase.Infrastructure.Email;

/// <summary>Mailed tokens in the shape of refresh tokens: 256 random bits in base64url, only the SHA-256 stored.</summary>
internal sealed class EmailTokenStore(ShopEaseDbContext db) : IEmailTokenStore
{
    public async Task<string> IssueAsync(
        Guid userId, EmailTokenPurpose purpose, string email, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var (token, hash) = OpaqueToken.Create();
        db.EmailTokens.Add(EmailToken.Issue(userId, purpose, hash, email, now));
        await db.SaveChangesAsync(cancellationToken);
        return token;
    }

    public Task VoidAsync(Guid userId, EmailTokenPurpose purpose, DateTimeOffset now, CancellationToken cancellationToken) =>
        db.EmailTokens
            .Where(t => t.UserId == userId && t.Purpose == purpose && t.SpentAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(t => t.SpentAt, now), cancellationToken);

    public async Task<EmailTokenClaim?> FindLiveAsync(
        string token, IReadOnlyCollection<EmailTokenPurpose> purposes, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (!OpaqueToken.TryHash(token, out var hash))
        {
            return null;
        }

        return await db.ReadAsync(
            ct => Live(hash, purposes, now)
                .Select(t => new EmailTokenClaim(t.UserId, t.Purpose, t.Email))
                .SingleOrDefaultAsync(ct),
            cancellationToken);
    }

    public async Task<EmailTokenClaim?> SpendAsync(
        string token, IReadOnlyCollection<EmailTokenPurpose> purposes, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (!OpaqueToken.TryHash(token, out var hash))
        {
            return null;
        }

        // The conditional UPDATE takes the row lock: a concurrent spend waits for it, then finds the
        // token spent when PostgreSQL re-checks the condition, and changes nothing.
        var spent = await Live(hash, purposes, now).ExecuteUpdateAsync(u => u.SetProperty(t => t.SpentAt, now), cancellationToken);
        if (spent == 0)
        {
            return null;
        }

        return await db.EmailTokens.AsNoTracking()
            .Where(t => t.TokenHash == hash)
            .Select(t => new EmailTokenClaim(t.UserId, t.Purpose, t.Email))
            .SingleAsync(cancellationToken);
    }

    private IQueryable<EmailToken> Live(byte[] hash, IReadOnlyCollection<EmailTokenPurpose> purposes, DateTimeOffset now) =>
        db.EmailTokens.Where(t => t.TokenHash == hash && t.SpentAt == null && t.ExpiresAt > now && purposes.Contains(t.Purpose));
}
