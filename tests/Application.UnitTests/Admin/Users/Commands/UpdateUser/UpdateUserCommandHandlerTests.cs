using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;
using ShopEase.Application.Admin.Users.Commands.UpdateUser;
using ShopEase.Application.Admin.Users.Models;
using ShopEase.Application.Common.Abstractions;
using ShopEase.Application.Common.Exceptions;
using ShopEase.Application.UnitTests.TestSupport;
using ShopEase.Domain.Users;

namespace ShopEase.Application.UnitTests.Admin.Users.Commands.UpdateUser;

public sealed class UpdateUserCommandHandlerTests
{
    private static readonly DateTimeOffset Joined = TestClock.Start.AddDays(-10);
    private static readonly Guid StaffId = Guid.Parse("0193a5c2-0000-7000-8000-0000000000f1");

    private readonly IUserRepository _users = Substitute.For<IUserRepository>();
    private readonly IShopMetrics _metrics = Substitute.For<IShopMetrics>();
    private readonly ISessionStore _sessions = Substitute.For<ISessionStore>();
    private readonly FakeTimeProvider _clock = TestClock.Create();
    private readonly RecordingLogger<UpdateUserCommandHandler> _logger = new();
    private readonly InlineTransactionScope _transaction = new();
    private readonly User _ann = User.Register("ann@shop.io", "stored-hash", Joined);

    public UpdateUserCommandHandlerTests()
    {
        _users.FindByIdAsync(_ann.Id, Arg.Any<CancellationToken>()).Returns(_ann);
        _sessions
            .RevokeAllAsync(Arg.Any<Guid>(), Arg.Any<Guid?>(), Arg.Any<DateTimeOffset>(), Arg.Any<CancellationToken>())
            .Returns(3);
        _users.LockActiveStaffAsync(Arg.Any<CancellationToken>()).Returns([StaffId, _ann.Id]);
    }

    [Fact]
    public async Task Handle_UnknownUser_ThrowsNotFound()
    {
        var command = new UpdateUserCommand(StaffId, Guid.NewGuid(), IsActive: false, IsStaff: null);

        await Should.ThrowAsync<NotFoundException>(() => CreateHandler().Handle(command, CancellationToken.None).AsTask());
    }

    [Fact]
    public async Task Handle_UnknownUser_SavesNothingAndRevokesNothing()
    {
        var command = new UpdateUserCommand(StaffId, Guid.NewGuid(), IsActive: false, IsStaff: null);

        await Should.ThrowAsync<NotFoundException>(() => CreateHandler().Handle(command, CancellationToken.None).AsTask());

        await _users.DidNotReceiveWithAnyArgs().UpdateAsync(default!, default);
        await _sessions.DidNotReceiveWithAnyArgs().RevokeAllAsync(default, default, default, default);
    }

    [Fact]
    public async Task Handle_DeactivatingAnActiveUser_SavesTheUserInactive()
    {
        await CreateHandler().Handle(Command(isActive: false), CancellationToken.None);

        await _users.Received(1).UpdateAsync(Arg.Is<User>(u => u.Id == _ann.Id && !u.IsActive), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Handle_DeactivatingAnActiveUser_RevokesEveryOneOfTheirSessionsAtTheClocksNow()
    {
        _clock.Advance(TimeSpan.FromMinutes(2));

        await CreateHandler().Handle(Command(isActive: false), CancellationToken.None);

        await _sessions.Received(1).RevokeAllAsync(_ann.Id, null, TestClock.Start.AddMinutes(2), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Handle_DeactivatingAnActiveUser_LogsWhoDidItAndHowManySessionsWereRevoked()
    {
        await CreateHandler().Handle(Command(isActive: false), CancellationToken.None);

        var entry = _logger.Entries.ShouldHaveSingleItem();
        entry.Level.ShouldBe(LogLevel.Information);
        entry.EventId.Id.ShouldBe(1301);
        entry.Message.ShouldBe($"User {_ann.Id} deactivated by {StaffId}; 3 sessions revoked");
    }

    [Fact]
    public async Task Handle_DeactivatingAnActiveUser_LogsNoEmail()
    {
        await CreateHandler().Handle(Command(isActive: false), CancellationToken.None);

        _logger.Entries.ShouldNotBeEmpty();
        _logger.Entries.ShouldAllBe(e => !e.Message.Contains("ann@shop.io", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Handle_DeactivatingAnAlreadyInactiveUser_DoesNotRevokeAgain()
    {
        _ann.Deactivate();

        await CreateHandler().Handle(Command(isActive: false), CancellationToken.None);

        await _sessions.DidNotReceiveWithAnyArgs().RevokeAllAsync(default, default, default, default);
        _logger.Entries.ShouldBeEmpty();
    }

    [Fact]
    public async Task Handle_ActivatingAnInactiveUser_SavesTheUserActive()
    {
        _ann.Deactivate();

        await CreateHandler().Handle(Command(isActive: true), CancellationToken.None);

        await _users.Received(1).UpdateAsync(Arg.Is<User>(u => u.Id == _ann.Id && u.IsActive), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Handle_ActivatingAnInactiveUser_RevokesNoSession()
    {
        _ann.Deactivate();

        await CreateHandler().Handle(Command(isActive: true), CancellationToken.None);

        await _sessions.DidNotReceiveWithAnyArgs().RevokeAllAsync(default, default, default, default);
    }

    [Fact]
    public async Task Handle_GrantingStaff_SavesTheUserAsStaffAndStillActive()
    {
        await CreateHandler().Handle(Command(isStaff: true), CancellationToken.None);

        await _users.Received(1).UpdateAsync(
            Arg.Is<User>(u => u.Id == _ann.Id && u.IsStaff && u.IsActive), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Handle_RevokingStaff_SavesTheUserAsNotStaffAndStillActive()
    {
        _ann.GrantStaff();

        await CreateHandler().Handle(Command(isStaff: false), CancellationToken.None);

        await _users.Received(1).UpdateAsync(
            Arg.Is<User>(u => u.Id == _ann.Id && !u.IsStaff && u.IsActive), Arg.Any<CancellationToken>());
    }

    // Staff status is read fresh on every admin request, so losing it needs no revocation.
    [Fact]
    public async Task Handle_RevokingStaff_RevokesNoSession()
    {
        _ann.GrantStaff();

        await CreateHandler().Handle(Command(isStaff: false), CancellationToken.None);

        await _sessions.DidNotReceiveWithAnyArgs().RevokeAllAsync(default, default, default, default);
    }

    [Fact]
    public async Task Handle_NullFieldsOnAnActiveNonStaffUser_LeaveItActiveAndNotStaff()
    {
        await CreateHandler().Handle(Command(), CancellationToken.None);

        _ann.IsActive.ShouldBeTrue();
        _ann.IsStaff.ShouldBeFalse();
    }

    [Fact]
    public async Task Handle_NullFieldsOnAnInactiveStaffUser_LeaveItInactiveAndStaff()
    {
        _ann.GrantStaff();
        _ann.Deactivate();

        await CreateHandler().Handle(Command(), CancellationToken.None);

        _ann.IsActive.ShouldBeFalse();
        _ann.IsStaff.ShouldBeTrue();
    }

    [Fact]
    public async Task Handle_NullFields_RevokeNoSession()
    {
        await CreateHandler().Handle(Command(), CancellationToken.None);

        await _sessions.DidNotReceiveWithAnyArgs().RevokeAllAsync(default, default, default, default);
    }

    [Fact]
    public async Task Handle_ReturnsTheUpdatedUserMapped()
    {
        _ann.RecordLogin(TestClock.Start.AddHours(-1));

        var result = await CreateHandler().Handle(Command(isActive: false, isStaff: true), CancellationToken.None);

        result.ShouldBe(new AdminUserDto(_ann.Id, "ann@shop.io", IsActive: false, IsStaff: true, Joined, TestClock.Start.AddHours(-1), MfaEnabled: false));
    }

    [Theory]
    [InlineData(null, false, "isStaff")]
    [InlineData(false, null, "isActive")]
    public async Task Handle_TakingAwayTheLastActiveStaffAccount_ThrowsValidationFailed_AndSavesNothing(bool? isActive, bool? isStaff, string field)
    {
        _ann.GrantStaff();
        _users.LockActiveStaffAsync(Arg.Any<CancellationToken>()).Returns([_ann.Id]);

        var exception = await Should.ThrowAsync<ValidationFailedException>(
            () => CreateHandler().Handle(Command(isActive, isStaff), CancellationToken.None).AsTask());

        exception.Errors.Keys.ShouldBe([field]);
        exception.Errors[field].ShouldBe([UpdateUserCommandHandler.LastStaffMessage]);
        await _users.DidNotReceiveWithAnyArgs().UpdateAsync(default!, default);
        await _sessions.DidNotReceiveWithAnyArgs().RevokeAllAsync(default, default, default, default);
        _transaction.Commits.ShouldBe(0);
    }

    [Fact]
    public async Task Handle_TakingAwayAStaffAccount_LocksTheActiveStaffFirst()
    {
        _ann.GrantStaff();

        await CreateHandler().Handle(Command(isStaff: false), CancellationToken.None);

        Received.InOrder(() =>
        {
            _users.LockActiveStaffAsync(Arg.Any<CancellationToken>());
            _users.UpdateAsync(_ann, Arg.Any<CancellationToken>());
        });
    }

    [Fact]
    public async Task Handle_ChangesThatTakeAwayNoActiveStaff_LockNothing()
    {
        await CreateHandler().Handle(Command(isActive: false, isStaff: true), CancellationToken.None);

        await _users.DidNotReceiveWithAnyArgs().LockActiveStaffAsync(default);
    }

    [Fact]
    public async Task Handle_GrantingStaff_IsAuditedWithWhoDidIt()
    {
        await CreateHandler().Handle(Command(isStaff: true), CancellationToken.None);

        var entry = _logger.Entries.ShouldHaveSingleItem();
        entry.EventId.Id.ShouldBe(1302);
        entry.Message.ShouldBe($"User {_ann.Id} made staff by {StaffId}");
    }

    [Fact]
    public async Task Handle_RemovingStaff_IsAuditedWithWhoDidIt()
    {
        _ann.GrantStaff();

        await CreateHandler().Handle(Command(isStaff: false), CancellationToken.None);

        var entry = _logger.Entries.ShouldHaveSingleItem();
        entry.EventId.Id.ShouldBe(1303);
        entry.Message.ShouldBe($"User {_ann.Id} no longer staff, by {StaffId}");
    }

    [Fact]
    public async Task Handle_Reactivating_IsAuditedWithWhoDidIt()
    {
        _ann.Deactivate();

        await CreateHandler().Handle(Command(isActive: true), CancellationToken.None);

        var entry = _logger.Entries.ShouldHaveSingleItem();
        entry.EventId.Id.ShouldBe(1304);
        entry.Message.ShouldBe($"User {_ann.Id} reactivated by {StaffId}");
    }

    [Fact]
    public async Task Handle_SettingWhatIsAlreadySo_AuditsNothing()
    {
        _ann.GrantStaff();

        await CreateHandler().Handle(Command(isActive: true, isStaff: true), CancellationToken.None);

        _logger.Entries.ShouldBeEmpty();
    }

    private UpdateUserCommand Command(bool? isActive = null, bool? isStaff = null) => new(StaffId, _ann.Id, isActive, isStaff);

    [Fact]
    public async Task Handle_Deactivating_SavesAndRevokesInOneCommittedTransaction()
    {
        await CreateHandler().Handle(new UpdateUserCommand(Guid.NewGuid(), _ann.Id, IsActive: false, IsStaff: null), CancellationToken.None);

        _transaction.Runs.ShouldBe(1);
        _transaction.Commits.ShouldBe(1);
    }

    private UpdateUserCommandHandler CreateHandler() => new(_users, _sessions, TestMapper.Instance, _transaction, _clock, _metrics, _logger);
}
