using System.Text.Json;
using FluentValidation;
using Mediator;
using ShopEase.Application.Common.Exceptions;

namespace ShopEase.Application.Common.Behaviors;

/// <summary>
/// Runs every FluentValidation validator of a message before its handler, so handlers can trust
/// their input. Failures become one <see cref="ValidationFailedException"/> keyed by camelCase field.
/// </summary>
public sealed class ValidationBehavior<TMessage, TResponse>(IEnumerable<IValidator<TMessage>> validators)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    private readonly IValidator<TMessage>[] _validators = validators.ToArray();

    public async ValueTask<TResponse> Handle(
        TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        if (_validators.Length > 0)
        {
            var failures = new List<FluentValidation.Results.ValidationFailure>();
            foreach (var validator in _validators)
            {
                var result = await validator.ValidateAsync(new ValidationContext<TMessage>(message), cancellationToken);
                failures.AddRange(result.Errors);
            }

            if (failures.Count > 0)
            {
                var errors = failures
                    .GroupBy(f => JsonNamingPolicy.CamelCase.ConvertName(f.PropertyName), StringComparer.Ordinal)
                    .ToDictionary(g => g.Key, g => g.Select(f => f.ErrorMessage).Distinct().ToArray(), StringComparer.Ordinal);
                throw new ValidationFailedException(errors);
            }
        }

        return await next(message, cancellationToken);
    }
}
