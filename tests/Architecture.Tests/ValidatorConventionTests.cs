using FluentValidation;

namespace ShopEase.Architecture.Tests;

public sealed class ValidatorConventionTests
{
    private static readonly Type[] Validators = Layers.Application.GetTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false } && ValidatedType(t) is not null)
        .ToArray();

    // Found from the use-case folders on disk, so every validator written is one the rules below check.
    public static TheoryData<string> ValidatorFiles() =>
        [.. RepositoryFiles.Under(RepositoryFiles.ApplicationSource)
            .Where(f => f.EndsWith("Validator.cs", StringComparison.Ordinal)
                && Path.GetFileName(Path.GetDirectoryName(Path.GetDirectoryName(f))) is "Commands" or "Queries")
            .Select(f => $"{RepositoryFiles.ApplicationNamespaceOf(Path.GetDirectoryName(f)!)}.{Path.GetFileNameWithoutExtension(f)}")
            .Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(ValidatorFiles))]
    public void ValidatorFile_IsAValidatorFound(string validatorName)
    {
        Validators.Select(v => v.FullName).ShouldContain(validatorName);
    }

    [Fact]
    public void Validators_AreSealed()
    {
        var unsealed = Validators.Where(v => !v.IsSealed).Select(v => v.FullName);

        unsealed.ShouldBeEmpty();
    }

    [Fact]
    public void Validators_LiveBesideTheMessageTheyValidate()
    {
        var misplaced = Validators
            .Where(v => v.Namespace != ValidatedType(v)!.Namespace)
            .Select(v => $"{v.FullName} validates {ValidatedType(v)!.FullName}");

        misplaced.ShouldBeEmpty();
    }

    private static Type? ValidatedType(Type type)
    {
        for (var current = type.BaseType; current is not null; current = current.BaseType)
        {
            if (current.IsGenericType && current.GetGenericTypeDefinition() == typeof(AbstractValidator<>))
            {
                return current.GetGenericArguments()[0];
            }
        }

        return null;
    }
}
