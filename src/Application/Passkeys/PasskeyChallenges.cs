namespace ShopEase.Application.Passkeys;

public static class PasskeyChallenges
{
    /// <summary>How long a ceremony may take from its options to its answer; also the options' timeout.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);
}
