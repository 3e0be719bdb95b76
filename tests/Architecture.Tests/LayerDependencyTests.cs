using NetArchTest.Rules;

namespace ShopEase.Architecture.Tests;

/// <summary>Dependencies point inward: Web → Infrastructure → Application → Domain.</summary>
public sealed class LayerDependencyTests
{
    [Theory]
    [InlineData(Layers.ApplicationNamespace)]
    [InlineData(Layers.InfrastructureNamespace)]
    [InlineData(Layers.WebNamespace)]
    public void Domain_DoesNotDependOnAnotherLayer(string layerNamespace)
    {
        var result = Types.InAssembly(Layers.Domain).ShouldNot().HaveDependencyOn(layerNamespace).GetResult();

        result.IsSuccessful.ShouldBeTrue(result.Failing());
    }

    [Theory]
    [InlineData("Microsoft.EntityFrameworkCore")]
    [InlineData("Mediator")]
    [InlineData("FluentValidation")]
    [InlineData("AutoMapper")]
    [InlineData("Microsoft.AspNetCore")]
    [InlineData("Npgsql")]
    [InlineData("Microsoft.Extensions")]
    public void Domain_DoesNotDependOnAPackage(string packageNamespace)
    {
        var result = Types.InAssembly(Layers.Domain).ShouldNot().HaveDependencyOn(packageNamespace).GetResult();

        result.IsSuccessful.ShouldBeTrue(result.Failing());
    }

    [Theory]
    [InlineData(Layers.InfrastructureNamespace)]
    [InlineData(Layers.WebNamespace)]
    [InlineData("Microsoft.EntityFrameworkCore")]
    [InlineData("Npgsql")]
    [InlineData("Microsoft.AspNetCore")]
    [InlineData("Microsoft.IdentityModel")]
    public void Application_DoesNotDependOnInfrastructureWebOrTheirPackages(string forbiddenNamespace)
    {
        var result = Types.InAssembly(Layers.Application).ShouldNot().HaveDependencyOn(forbiddenNamespace).GetResult();

        result.IsSuccessful.ShouldBeTrue(result.Failing());
    }

    [Fact]
    public void Infrastructure_DoesNotDependOnWeb()
    {
        var result = Types.InAssembly(Layers.Infrastructure).ShouldNot().HaveDependencyOn(Layers.WebNamespace).GetResult();

        result.IsSuccessful.ShouldBeTrue(result.Failing());
    }

    // The rules above pass vacuously if the dependency search saw nothing; these show it finds
    // the dependencies that do exist.
    [Theory]
    [InlineData(nameof(Layers.Application), Layers.DomainNamespace)]
    [InlineData(nameof(Layers.Application), "Mediator")]
    [InlineData(nameof(Layers.Application), "FluentValidation")]
    [InlineData(nameof(Layers.Application), "AutoMapper")]
    [InlineData(nameof(Layers.Infrastructure), Layers.ApplicationNamespace)]
    [InlineData(nameof(Layers.Infrastructure), "Microsoft.EntityFrameworkCore")]
    [InlineData(nameof(Layers.Infrastructure), "Npgsql")]
    [InlineData(nameof(Layers.Web), Layers.InfrastructureNamespace)]
    [InlineData(nameof(Layers.Web), "Microsoft.AspNetCore")]
    public void DependencySearch_FindsADependencyThatExists(string layer, string dependencyNamespace)
    {
        var dependents = Types.InAssembly(Layers.ByName(layer)).That().HaveDependencyOn(dependencyNamespace).GetTypes();

        dependents.ShouldNotBeEmpty();
    }

    [Theory]
    [InlineData(nameof(Layers.Domain), "ShopEase.Domain.Users.User")]
    [InlineData(nameof(Layers.Application), "ShopEase.Application.Auth.Commands.Register.RegisterCommandHandler")]
    [InlineData(nameof(Layers.Infrastructure), "ShopEase.Infrastructure.Persistence.UserRepository")]
    [InlineData(nameof(Layers.Web), "ShopEase.Web.DependencyInjection")]
    public void TypeScan_SeesTheLayersTypes(string layer, string typeName)
    {
        var types = Types.InAssembly(Layers.ByName(layer)).GetTypes().Select(t => t.FullName);

        types.ShouldContain(typeName);
    }
}
