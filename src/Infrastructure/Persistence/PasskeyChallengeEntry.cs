using ShopEase.Application.Common.Abstractions;

namespace ShopEase.Infrastructure.Persistence;

/// <summary>
/// The row of a <see cref="PasskeyChallenge"/>: a ceremony in progress, deleted when it is finished
/// (or tried), and by housekeeping once expired.
/// </summary>
public sealed class PasskeyChallengeEntry
{
    public Guid Id { get; set; }

    public PasskeyCeremony Ceremony { get; set; }

    public Guid? UserId { get; set; }

    public byte[] Challenge { get; set; } = [];

    public string State { get; set; } = string.Empty;

    public DateTimeOffset ExpiresAt { get; set; }
}
