using AutoMapper;
using Microsoft.Extensions.Logging.Abstractions;
using ShopEase.Application.Auth.Models;

namespace ShopEase.Application.UnitTests.TestSupport;

/// <summary>
/// The real mapping profiles, found in the Application assembly as production finds them, so tests
/// see what production maps, not a stub's answer, and a new profile needs no line here.
/// </summary>
internal static class TestMapper
{
    public static IMapper Instance { get; } = CreateConfiguration().CreateMapper();

    public static MapperConfiguration CreateConfiguration() =>
        new(
            cfg => cfg.AddMaps(typeof(UserMappingProfile).Assembly),
            NullLoggerFactory.Instance);
}
