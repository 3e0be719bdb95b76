using Microsoft.EntityFrameworkCore;
using ShopEase.Application.Common.Abstractions;
using ShopEase.Domain.Users;
using ShopEase.Infrastructure.Persistence.Configurations;

namespace ShopEase.Infrastructure.Persistence;

internal sealed class UserRepository(ShopEaseDbContext db, CurrentUserCache currentUsers) : IUserRepository
{
    // Tracked, so that UpdateAsync writes only the columns a use case changed: a password change
    // must not write back an IsActive an admin has just switched off.
    public Task<User?> FindByIdAsync(Guid id, CancellationToken cancellationToken) =>
        db.ReadAsync(ct => db.Users.SingleOrDefaultAsync(u => u.Id == id, ct), cancellationToken);

    public Task<User?> FindByEmailAsync(string normalizedEmail, CancellationToken cancellationToken) =>
        db.ReadAsync(ct => db.Users.SingleOrDefaultAsync(u => u.Email == normalizedEmail, ct), cancellationToken);

    public Task<bool> EmailExistsAsync(string normalizedEmail, CancellationToken cancellationToken) =>
        db.ReadAsync(ct => db.Users.AnyAsync(u => u.Email == normalizedEmail, ct), cancellationToken);

    public Task<bool> TryAddAsync(User user, CancellationToken cancellationToken)
    {
        db.Users.Add(user);
        return db.TrySaveAsync(user, UserConfiguration.EmailIndexName, cancellationToken);
    }

    public async Task UpdateAsync(User user, CancellationToken cancellationToken)
    {
        if (db.Entry(user).State == EntityState.Detached)
        {
            db.Users.Update(user);
        }

        await db.SaveChangesAsync(cancellationToken);
        currentUsers.Evict(user.Id);
    }

    public async Task<bool> TryUpdateAsync(User user, CancellationToken cancellationToken)
    {
        if (db.Entry(user).State == EntityState.Detached)
        {
            db.Users.Update(user);
        }

        if (!await db.TrySaveAsync(user, UserConfiguration.EmailIndexName, cancellationToken))
        {
            return false;
        }

        currentUsers.Evict(user.Id);
        return true;
    }

    public async Task<(IReadOnlyList<User> Items, int Total)> ListAsync(
        string? emailContains, int page, int pageSize, CancellationToken cancellationToken)
    {
        var query = db.Users.AsNoTracking();
        if (!string.IsNullOrEmpty(emailContains))
        {
            query = query.Where(u => u.Email.Contains(emailContains));
        }

        var total = await query.CountAsync(cancellationToken);
        var items = await query
            .OrderByDescending(u => u.DateJoined).ThenBy(u => u.Id)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .ToListAsync(cancellationToken);
        return (items, total);
    }
}
