namespace ShopEase.Application.Common.Abstractions;

/// <summary>
/// Names an email in the audit trail without revealing it: the same email gives the same short tag on
/// every node, so repeated failures for one address can be correlated, but without the server's key
/// nobody holding the logs can test a guessed address against them.
/// </summary>
public interface IEmailFingerprint
{
    string Compute(string normalizedEmail);
}
