namespace ShopEase.Application.Common.Abstractions;

public enum PasswordCheck
{
    Failed,
    Succeeded,

    /// <summary>Right password, but the stored hash is of another algorithm or cost than today's settings.</summary>
    SucceededRehashNeeded,
}
