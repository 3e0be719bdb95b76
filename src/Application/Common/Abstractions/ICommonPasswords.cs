namespace ShopEase.Application.Common.Abstractions;

/// <summary>The most common passwords, which a guesser tries first.</summary>
public interface ICommonPasswords
{
    bool IsCommon(string password);
}
