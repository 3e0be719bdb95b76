using System.Reflection;
using Microsoft.Extensions.DependencyInjection;

namespace ShopEase.Application.Common.Auditing;

public static class AuditEventsRegistration
{
    /// <summary>Registers every <see cref="IAuditEvents{TCommand, TResponse}"/> the assembly declares, under each command it audits.</summary>
    public static IServiceCollection AddAuditEventsFrom(this IServiceCollection services, Assembly assembly)
    {
        foreach (var type in assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false }))
        {
            foreach (var audited in type.GetInterfaces()
                         .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IAuditEvents<,>)))
            {
                services.AddScoped(audited, type);
            }
        }

        return services;
    }
}
