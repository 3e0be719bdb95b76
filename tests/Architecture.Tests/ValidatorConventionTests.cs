using FluentValidation;
using ShopEase.Application.Auth.Commands.LoginMfa;
using ShopEase.Application.Auth.Commands.Register;
using ShopEase.Application.Carts.Commands.SetCartItem;
using ShopEase.Application.Mfa.Commands.DisableTotp;
using ShopEase.Application.Orders.Commands.Checkout;
using ShopEase.Application.Orders.Queries.ListOrders;
using ShopEase.Application.Products.Commands.CreateProduct;
using ShopEase.Application.Products.Commands.UpdateProduct;
using ShopEase.Application.Products.Queries.ListProducts;

namespace ShopEase.Architecture.Tests;

public sealed class ValidatorConventionTests
{
    private static readonly Type[] Validators = Layers.Application.GetTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false } && ValidatedType(t) is not null)
        .ToArray();

    [Theory]
    [InlineData(typeof(RegisterCommandValidator))]
    [InlineData(typeof(LoginMfaCommandValidator))]
    [InlineData(typeof(DisableTotpCommandValidator))]
    [InlineData(typeof(CreateProductCommandValidator))]
    [InlineData(typeof(UpdateProductCommandValidator))]
    [InlineData(typeof(ListProductsQueryValidator))]
    [InlineData(typeof(SetCartItemCommandValidator))]
    [InlineData(typeof(CheckoutCommandValidator))]
    [InlineData(typeof(ListOrdersQueryValidator))]
    public void Validators_AreFound(Type validator)
    {
        Validators.ShouldContain(validator);
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
