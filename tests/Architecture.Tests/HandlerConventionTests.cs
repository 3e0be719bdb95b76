using Mediator;

namespace ShopEase.Architecture.Tests;

/// <summary>A use case is found by its name, its handler beside its message in its feature folder.</summary>
public sealed class HandlerConventionTests
{
    private static readonly Type[] CommandHandlerInterfaces = [typeof(ICommandHandler<,>), typeof(ICommandHandler<>)];
    private static readonly Type[] QueryHandlerInterfaces = [typeof(IQueryHandler<,>)];

    private static readonly Type[] Handlers = Layers.Application.GetTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false } && HandledMessage(t) is not null)
        .ToArray();

    // Found from the folders on disk, so a rule below that passes cannot be passing because the
    // scan missed a feature, and a new feature is covered without naming it anywhere.
    public static TheoryData<string> UseCaseFolders() =>
        [.. Directory.EnumerateDirectories(RepositoryFiles.ApplicationSource, "*", SearchOption.AllDirectories)
            .Where(d => Path.GetFileName(Path.GetDirectoryName(d)) is "Commands" or "Queries")
            .Select(RepositoryFiles.ApplicationNamespaceOf)
            .Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(UseCaseFolders))]
    public void UseCaseFolder_HasItsHandler(string useCaseNamespace)
    {
        Handlers.Select(h => h.Namespace).ShouldContain(useCaseNamespace);
    }

    [Fact]
    public void Handlers_AreSealed()
    {
        var unsealed = Handlers.Where(h => !h.IsSealed).Select(h => h.FullName);

        unsealed.ShouldBeEmpty();
    }

    [Fact]
    public void Handlers_LiveInTheNamespaceOfTheirMessage()
    {
        var misplaced = Handlers
            .Where(h => h.Namespace != HandledMessage(h)!.Namespace)
            .Select(h => $"{h.FullName} handles {HandledMessage(h)!.FullName}");

        misplaced.ShouldBeEmpty();
    }

    [Fact]
    public void CommandHandlers_LiveInAUseCaseFolderUnderCommands()
    {
        var misplaced = Handlers
            .Where(h => Implements(h, CommandHandlerInterfaces) is not null && ParentSegment(h) != "Commands")
            .Select(h => h.FullName);

        misplaced.ShouldBeEmpty();
    }

    [Fact]
    public void QueryHandlers_LiveInAUseCaseFolderUnderQueries()
    {
        var misplaced = Handlers
            .Where(h => Implements(h, QueryHandlerInterfaces) is not null && ParentSegment(h) != "Queries")
            .Select(h => h.FullName);

        misplaced.ShouldBeEmpty();
    }

    private static Type? HandledMessage(Type type) =>
        Implements(type, [.. CommandHandlerInterfaces, .. QueryHandlerInterfaces])?.GetGenericArguments()[0];

    private static Type? Implements(Type type, Type[] openInterfaces) =>
        type.GetInterfaces().FirstOrDefault(i => i.IsGenericType && openInterfaces.Contains(i.GetGenericTypeDefinition()));

    /// <summary>"Commands" for <c>ShopEase.Application.Auth.Commands.Register</c>.</summary>
    private static string? ParentSegment(Type type)
    {
        var segments = type.Namespace?.Split('.') ?? [];
        return segments.Length >= 2 ? segments[^2] : null;
    }
}
