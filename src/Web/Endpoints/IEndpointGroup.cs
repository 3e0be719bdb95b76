namespace ShopEase.Web.Endpoints;

/// <summary>
/// A feature's routes. Every implementation in the Web assembly is mapped at start-up
/// (<see cref="EndpointGroups.MapEndpointGroups"/>), so a new feature adds its class and edits no list.
/// </summary>
public interface IEndpointGroup
{
    void Map(IEndpointRouteBuilder app);
}
