using System.Reflection;

namespace ShopEase.Architecture.Tests;

/// <summary>The four layers, found through a type each one is sure to keep.</summary>
internal static class Layers
{
    public const string DomainNamespace = "ShopEase.Domain";
    public const string ApplicationNamespace = "ShopEase.Application";
    public const string InfrastructureNamespace = "ShopEase.Infrastructure";
    public const string WebNamespace = "ShopEase.Web";

    public static Assembly Domain { get; } = typeof(Domain.Users.User).Assembly;

    public static Assembly Application { get; } = typeof(Application.DependencyInjection).Assembly;

    public static Assembly Infrastructure { get; } = typeof(Infrastructure.DependencyInjection).Assembly;

    public static Assembly Web { get; } = typeof(Web.DependencyInjection).Assembly;

    public static Assembly ByName(string layer) => layer switch
    {
        nameof(Domain) => Domain,
        nameof(Application) => Application,
        nameof(Infrastructure) => Infrastructure,
        nameof(Web) => Web,
        _ => throw new ArgumentOutOfRangeException(nameof(layer), layer, "Not a layer."),
    };
}
