using System.Text.Json.Serialization;

namespace ShopEase.Application.Auth.Models;

/// <summary>What sign-up and login answer: the account and the first token pair of a new session.</summary>
public sealed record AuthResult(UserDto User, string Access, string Refresh, string TokenType, int ExpiresIn)
{
    /// <summary>The new session; the HTTP edge binds browser CSRF tokens to it. Not part of the JSON body.</summary>
    [JsonIgnore]
    public Guid SessionId { get; init; }
}
