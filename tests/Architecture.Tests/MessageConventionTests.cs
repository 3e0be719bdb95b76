using System.Reflection;
using Mediator;
using ShopEase.Application.Orders.Commands.Checkout;
using ShopEase.Application.Products.Queries.ListProducts;

namespace ShopEase.Architecture.Tests;

/// <summary>Messages and DTOs are immutable values, and every message has its one handler.</summary>
public sealed class MessageConventionTests
{
    private static readonly Type[] MessageInterfaces = [typeof(ICommand), typeof(ICommand<>), typeof(IQuery<>)];
    private static readonly Type[] HandlerInterfaces = [typeof(ICommandHandler<>), typeof(ICommandHandler<,>), typeof(IQueryHandler<,>)];

    private static readonly Type[] Messages = Layers.Application.GetTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false } && t.GetInterfaces().Any(IsMessageInterface))
        .ToArray();

    private static readonly Type[] Dtos = Layers.Application.GetTypes()
        .Where(t => t.IsClass && t.Namespace?.EndsWith(".Models", StringComparison.Ordinal) == true
            && t.Name.EndsWith("Dto", StringComparison.Ordinal))
        .ToArray();

    [Fact]
    public void Messages_AreFound()
    {
        Messages.ShouldContain(typeof(CheckoutCommand));
        Messages.ShouldContain(typeof(ListProductsQuery));
        Dtos.ShouldContain(typeof(Application.Orders.Models.OrderDto));
    }

    [Fact]
    public void Messages_AreSealedRecords()
    {
        var offending = Messages.Where(m => !m.IsSealed || !IsRecord(m)).Select(m => m.FullName);

        offending.ShouldBeEmpty();
    }

    [Fact]
    public void Dtos_AreSealedRecords()
    {
        var offending = Dtos.Where(d => !d.IsSealed || !IsRecord(d)).Select(d => d.FullName);

        offending.ShouldBeEmpty();
    }

    [Fact]
    public void EveryMessage_HasExactlyOneHandler()
    {
        // Distinct per handler type: ICommandHandler<T> also implements ICommandHandler<T, Unit>.
        var handled = Layers.Application.GetTypes()
            .SelectMany(t => t.GetInterfaces()
                .Where(i => i.IsGenericType && HandlerInterfaces.Contains(i.GetGenericTypeDefinition()))
                .Select(i => i.GetGenericArguments()[0])
                .Distinct())
            .ToList();

        var offending = Messages
            .Select(m => (Message: m, Handlers: handled.Count(h => h == m)))
            .Where(x => x.Handlers != 1)
            .Select(x => $"{x.Message.FullName} has {x.Handlers} handlers");

        offending.ShouldBeEmpty();
    }

    private static bool IsMessageInterface(Type type) =>
        MessageInterfaces.Contains(type.IsGenericType ? type.GetGenericTypeDefinition() : type);

    // The compiler gives every record a protected EqualityContract property; nothing else has one.
    private static bool IsRecord(Type type) =>
        type.GetProperty("EqualityContract", BindingFlags.Instance | BindingFlags.NonPublic) is not null;
}
