namespace ShopEase.Application.Common.Options;

/// <summary>Password length bounds, counted in Unicode code points. Section <c>Passwords</c>.</summary>
public sealed class PasswordPolicyOptions
{
    public const string SectionName = "Passwords";

    public int MinLength { get; set; } = 8;

    public int MaxLength { get; set; } = 128;
}
