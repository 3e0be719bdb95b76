using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace ShopEase.Infrastructure.Persistence;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model without starting the web app.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<ShopEaseDbContext>
{
    public ShopEaseDbContext CreateDbContext(string[] args)
    {
        var connectionString = Environment.GetEnvironmentVariable("ConnectionStrings__Default")
            ?? "Host=127.0.0.1;Database=shopease;Username=postgres";
        var builder = new DbContextOptionsBuilder<ShopEaseDbContext>();
        ShopEaseDbContext.Configure(builder, connectionString);
        return new ShopEaseDbContext(builder.Options);
    }
}
