namespace ShopEase.Web.Endpoints.Requests;

/// <summary>Body of PATCH /api/admin/users/{id}: only the fields sent change.</summary>
public sealed record UpdateUserRequest(bool? IsActive, bool? IsStaff);
