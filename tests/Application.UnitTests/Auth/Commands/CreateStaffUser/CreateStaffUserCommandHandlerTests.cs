using Microsoft.Extensions.Time.Testing;
using NSubstitute;
using ShopEase.Application.Auth.Commands.CreateStaffUser;
using ShopEase.Application.Auth.Models;
using ShopEase.Application.Common.Abstractions;
using ShopEase.Application.Common.Exceptions;
using ShopEase.Application.UnitTests.TestSupport;
using ShopEase.Domain.Users;

namespace ShopEase.Application.UnitTests.Auth.Commands.CreateStaffUser;

public sealed class CreateStaffUserCommandHandlerTests
{
    private const string Password = "correct horse battery";
    private const string PasswordHash = "PBKDF2$hash-of-the-password";

    private readonly IUserRepository _users = Substitute.For<IUserRepository>();
    private readonly IPasswordHasher _passwordHasher = Substitute.For<IPasswordHasher>();
    private readonly FakeTimeProvider _clock = TestClock.Create();
    private User? _added;

    public CreateStaffUserCommandHandlerTests()
    {
        _passwordHasher.HashAsync(Password, Arg.Any<CancellationToken>()).Returns(PasswordHash);
        _users.TryAddAsync(Arg.Do<User>(u => _added = u), Arg.Any<CancellationToken>()).Returns(true);
    }

    [Fact]
    public async Task Handle_AddsAStaffUser()
    {
        await CreateHandler().Handle(new CreateStaffUserCommand("admin@shop.io", Password), CancellationToken.None);

        _added.ShouldNotBeNull();
        _added.IsStaff.ShouldBeTrue();
    }

    [Fact]
    public async Task Handle_AddsAnActiveUserWithTheNormalisedEmail()
    {
        await CreateHandler().Handle(new CreateStaffUserCommand(" Admin@Shop.IO ", Password), CancellationToken.None);

        _added.ShouldNotBeNull();
        _added.IsActive.ShouldBeTrue();
        _added.Email.ShouldBe("admin@shop.io");
    }

    [Fact]
    public async Task Handle_StoresTheHasherOutput_NeverThePlainPassword()
    {
        await CreateHandler().Handle(new CreateStaffUserCommand("admin@shop.io", Password), CancellationToken.None);

        _added.ShouldNotBeNull();
        _added.PasswordHash.ShouldBe(PasswordHash);
        _added.PasswordHash.ShouldNotContain(Password);
    }

    [Fact]
    public async Task Handle_ReturnsTheNewUserMapped()
    {
        _clock.Advance(TimeSpan.FromMinutes(1));

        var result = await CreateHandler().Handle(new CreateStaffUserCommand("admin@shop.io", Password), CancellationToken.None);

        _added.ShouldNotBeNull();
        result.ShouldBe(new CurrentUserDto(
            _added.Id, "admin@shop.io", IsActive: true, IsStaff: true, TestClock.Start.AddMinutes(1), EmailVerified: true, MfaEnabled: false));
    }

    [Fact]
    public async Task Handle_WhenTheEmailIsTaken_ThrowsValidationFailedOnEmail()
    {
        _users.TryAddAsync(Arg.Any<User>(), Arg.Any<CancellationToken>()).Returns(false);

        var exception = await Should.ThrowAsync<ValidationFailedException>(
            () => CreateHandler().Handle(new CreateStaffUserCommand("admin@shop.io", Password), CancellationToken.None).AsTask());

        exception.Errors.Keys.ShouldBe(["email"]);
        exception.Errors["email"].ShouldBe(["Email already exists"]);
    }

    private CreateStaffUserCommandHandler CreateHandler() =>
        new(_users, _passwordHasher, TestMapper.Instance, _clock);
}
