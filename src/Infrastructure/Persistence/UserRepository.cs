using Microsoft.EntityFrameworkCore;
using Npgsql;
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

    public async Task<bool> TryAddAsync(User user, CancellationToken cancellationToken)
    {
        db.Users.Add(user);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException
        {
            SqlState: PostgresErrorCodes.UniqueViolation,
            ConstraintName: UserConfiguration.EmailIndexName,
        })
        {
            db.Entry(user).State = EntityState.Detached;
            return false;
        }
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
