using System.Reflection;

namespace ShopEase.Architecture.Tests;

/// <summary>
/// The same direction at the level the compiler writes down: which assemblies each layer's
/// binary references, whatever namespaces its types happen to use.
/// </summary>
public sealed class AssemblyReferenceTests
{
    [Fact]
    public void Domain_ReferencesNoShopEaseAssembly()
    {
        var references = ShopEaseReferences(Layers.Domain);

        references.ShouldBeEmpty();
    }

    [Fact]
    public void Domain_ReferencesOnlyTheFramework()
    {
        var references = Layers.Domain.GetReferencedAssemblies().Select(r => r.Name!);

        references.ShouldAllBe(name => name.StartsWith("System.", StringComparison.Ordinal));
    }

    [Fact]
    public void Application_ReferencesOnlyDomain()
    {
        var references = ShopEaseReferences(Layers.Application);

        references.ShouldBe(["ShopEase.Domain"]);
    }

    [Fact]
    public void Infrastructure_ReferencesOnlyApplicationAndDomain()
    {
        var references = ShopEaseReferences(Layers.Infrastructure);

        references.ShouldBeSubsetOf(["ShopEase.Application", "ShopEase.Domain"]);
        references.ShouldContain("ShopEase.Application");
    }

    [Theory]
    [InlineData("Microsoft.EntityFrameworkCore")]
    [InlineData("Npgsql")]
    [InlineData("Microsoft.AspNetCore")]
    [InlineData("Microsoft.IdentityModel")]
    [InlineData("Microsoft.Extensions.Identity")]
    public void Application_ReferencesNoPersistenceSecurityOrWebPackage(string assemblyPrefix)
    {
        var references = Layers.Application.GetReferencedAssemblies().Select(r => r.Name!);

        references.ShouldNotContain(name => name.StartsWith(assemblyPrefix, StringComparison.Ordinal));
    }

    private static string[] ShopEaseReferences(Assembly assembly) =>
        assembly.GetReferencedAssemblies()
            .Select(r => r.Name!)
            .Where(name => name.StartsWith("ShopEase.", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToArray();
}
