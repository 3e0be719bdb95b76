using System.Reflection;
using Mediator;
using Microsoft.Extensions.Logging;
using NetArchTest.Rules;
using ShopEase.Application.Auth.Commands.Login;
using ShopEase.Application.Common.Auditing;

namespace ShopEase.Architecture.Tests;

/// <summary>
/// The audit trail is declared by the features: an audited command carries <see cref="IAuditedCommand"/>
/// and its feature says what to log, so Common names no feature and keeps no list.
/// </summary>
public sealed class AuditConventionTests
{
    private static readonly Type[] AuditedCommands = Layers.Application.GetTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IAuditedCommand).IsAssignableFrom(t))
        .ToArray();

    private static readonly Type[] AuditEvents = Layers.Application.GetTypes()
        .SelectMany(t => t.GetInterfaces())
        .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IAuditEvents<,>))
        .ToArray();

    [Fact]
    public void AuditedCommands_AreFound()
    {
        AuditedCommands.ShouldContain(typeof(LoginCommand));
        AuditEvents.ShouldContain(typeof(IAuditEvents<LoginCommand, Application.Auth.Models.LoginResult>));
    }

    [Fact]
    public void EveryAuditedCommand_HasExactlyOneAuditEventsForItsResponse()
    {
        var offending = AuditedCommands
            .Select(command => (Command: command, Events: AuditEvents.Count(e => e == AuditEventsFor(command))))
            .Where(x => x.Events != 1)
            .Select(x => $"{x.Command.Name}: {x.Events} implementations of {AuditEventsFor(x.Command).Name}");

        offending.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("Common.Auditing")]
    [InlineData("Common.Behaviors")]
    public void ThePipeline_DependsOnNoFeature(string commonNamespace)
    {
        var features = Layers.Application.GetTypes()
            .Select(t => t.Namespace)
            .OfType<string>()
            .Where(n => n.StartsWith(Layers.ApplicationNamespace + ".", StringComparison.Ordinal))
            .Select(n => string.Join('.', n.Split('.').Take(3)))
            .Where(n => n != Layers.ApplicationNamespace + ".Common")
            .Distinct()
            .ToArray();
        features.ShouldContain(Layers.ApplicationNamespace + ".Auth");

        var result = Types.InAssembly(Layers.Application)
            .That().ResideInNamespace($"{Layers.ApplicationNamespace}.{commonNamespace}")
            .ShouldNot().HaveDependencyOnAny(features)
            .GetResult();

        result.IsSuccessful.ShouldBeTrue(result.Failing());
    }

    [Fact]
    public void EveryLogEventId_IsDeclaredOnce()
    {
        // Audit and operations events are looked up by id; two meanings under one id would mislead both.
        var events = new[] { Layers.Application, Layers.Infrastructure, Layers.Web }
            .SelectMany(assembly => assembly.GetTypes())
            .SelectMany(type => type.GetMethods(BindingFlags.Static | BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            .Select(method => (Method: method, Attribute: method.GetCustomAttribute<LoggerMessageAttribute>()))
            .Where(x => x.Attribute is not null)
            .ToList();
        events.Count.ShouldBeGreaterThan(30);

        var offending = events
            .GroupBy(x => x.Attribute!.EventId)
            .Where(g => g.Count() > 1)
            .Select(g => $"{g.Key}: {string.Join(", ", g.Select(x => $"{x.Method.DeclaringType!.Name}.{x.Method.Name}"))}");

        offending.ShouldBeEmpty();
    }

    private static Type AuditEventsFor(Type command)
    {
        // A command without a response is an ICommand<Unit>.
        var response = command.GetInterfaces()
            .Single(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(ICommand<>))
            .GetGenericArguments()[0];
        return typeof(IAuditEvents<,>).MakeGenericType(command, response);
    }
}
