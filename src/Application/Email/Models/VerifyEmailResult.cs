using System.Text.Json.Serialization;
using ShopEase.Application.Auth.Models;

namespace ShopEase.Application.Email.Models;

/// <summary>The account after a link was followed: its address verified, or moved to the new one.</summary>
public sealed record VerifyEmailResult(UserDto User)
{
    /// <summary>The link was an email change's, so the account now has a new address. Not part of the JSON body.</summary>
    [JsonIgnore]
    public bool EmailChanged { get; init; }
}
