namespace ShopEase.Application.Common.Abstractions;

public enum PasswordCheck
{
    Failed,
    Succeeded,

    /// <summary>Right password, but the stored hash is weaker than today's settings.</summary>
    SucceededRehashNeeded,
}
