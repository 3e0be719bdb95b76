using ShopEase.Web.Endpoints;

namespace ShopEase.Architecture.Tests;

/// <summary>Routes are mapped by finding every endpoint group, so no list in Program.cs can miss one.</summary>
public sealed class EndpointConventionTests
{
    private static readonly Type[] EndpointClasses = Layers.Web.GetTypes()
        .Where(t => t.IsClass && t.Name.EndsWith("Endpoints", StringComparison.Ordinal))
        .ToArray();

    [Fact]
    public void EndpointClasses_AreFound()
    {
        EndpointClasses.ShouldContain(typeof(ProductEndpoints));
        EndpointClasses.Length.ShouldBeGreaterThan(5);
    }

    [Fact]
    public void EveryEndpointClass_IsASealedEndpointGroupTheStartupCanCreate()
    {
        var offending = EndpointClasses
            .Where(t => !typeof(IEndpointGroup).IsAssignableFrom(t) || !t.IsSealed || t.GetConstructor(Type.EmptyTypes) is null)
            .Select(t => t.FullName);

        offending.ShouldBeEmpty();
    }
}
