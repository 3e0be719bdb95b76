namespace ShopEase.Application.Common.Abstractions;

/// <summary>Which WebAuthn ceremony a stored challenge belongs to: one cannot finish the other.</summary>
public enum PasskeyCeremony
{
    Registration = 1,
    Login = 2,
}
