using Microsoft.EntityFrameworkCore;
using ShopEase.Application.Common.Abstractions;
using ShopEase.Infrastructure.Persistence;

namespace ShopEase.Infrastructure.Email;

internal sealed class PasswordResetRequestStore(ShopEaseDbContext db) : IPasswordResetRequests
{
    public async Task AddAsync(string normalizedEmail, DateTimeOffset now, CancellationToken cancellationToken)
    {
        db.PasswordResetRequests.Add(new PasswordResetRequest
        {
            Id = Guid.CreateVersion7(now),
            Email = normalizedEmail,
            RequestedAt = now,
            NextAttemptAt = now,
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<bool> CompleteAsync(Guid requestId, CancellationToken cancellationToken) =>
        await db.PasswordResetRequests.Where(r => r.Id == requestId).ExecuteDeleteAsync(cancellationToken) > 0;
}
