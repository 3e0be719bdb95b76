using Microsoft.Extensions.Options;

namespace ShopEase.Infrastructure.Security;

/// <summary>A missing or weak encryption key stops the app at start, like a bad signing key.</summary>
internal sealed class MfaOptionsValidator : IValidateOptions<MfaOptions>
{
    public ValidateOptionsResult Validate(string? name, MfaOptions options)
    {
        var failures = new List<string>();
        if (!SigningKey.TryDecode(options.EncryptionKey, MfaKeys.CurrentSetting, out _, out var problem))
        {
            failures.Add(problem);
        }

        for (var i = 0; i < options.PreviousEncryptionKeys.Count; i++)
        {
            if (!SigningKey.TryDecode(options.PreviousEncryptionKeys[i], $"{MfaKeys.PreviousSetting}:{i}", out _, out problem))
            {
                failures.Add(problem);
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
