namespace ShopEase.Application.Common.Abstractions;

/// <summary>Options for the browser, the challenge in them, and the state needed to verify the answer.</summary>
public sealed record PasskeyCeremonyStart<TOptions>(TOptions Options, byte[] Challenge, string State);
