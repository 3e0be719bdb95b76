namespace ShopEase.Web.IntegrationTests.Support;

public sealed record UserBody(string Id, string Email, string DateJoined);

public sealed record AuthBody(UserBody User, string Access, string Refresh, string TokenType, int ExpiresIn);

public sealed record TokenPairBody(string Access, string Refresh, string TokenType, int ExpiresIn);

public sealed record MeBody(string Id, string Email, bool IsActive, bool IsStaff, string DateJoined);

public sealed record ProblemBody(string Type, string Title, int Status, string Code, Dictionary<string, string[]>? Errors, string? TraceId);

public sealed record UserResultBody(UserBody User);
