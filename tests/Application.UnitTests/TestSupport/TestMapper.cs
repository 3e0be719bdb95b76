using AutoMapper;
using Microsoft.Extensions.Logging.Abstractions;
using ShopEase.Application.Admin.Users.Models;
using ShopEase.Application.Auth.Models;
using ShopEase.Application.Carts.Models;
using ShopEase.Application.Common.Models;
using ShopEase.Application.Orders.Models;
using ShopEase.Application.Products.Models;
using ShopEase.Application.Sessions.Models;

namespace ShopEase.Application.UnitTests.TestSupport;

/// <summary>The real mapping profiles, so tests see what production maps, not a stub's answer.</summary>
internal static class TestMapper
{
    public static IMapper Instance { get; } = CreateConfiguration().CreateMapper();

    public static MapperConfiguration CreateConfiguration() =>
        new(
            cfg =>
            {
                cfg.AddProfile<UserMappingProfile>();
                cfg.AddProfile<SessionMappingProfile>();
                cfg.AddProfile<AdminUserMappingProfile>();
                cfg.AddProfile<MoneyMappingProfile>();
                cfg.AddProfile<ProductMappingProfile>();
                cfg.AddProfile<CartMappingProfile>();
                cfg.AddProfile<OrderMappingProfile>();
            },
            NullLoggerFactory.Instance);
}
