using FluentValidation.Results;
using ShopEase.Application.Admin.Users.Commands.UpdateUser;
using ShopEase.Application.UnitTests.TestSupport;

namespace ShopEase.Application.UnitTests.Admin.Users.Commands.UpdateUser;

public sealed class UpdateUserCommandValidatorTests
{
    private static readonly Guid StaffId = Guid.Parse("0193a5c2-0000-7000-8000-0000000000f1");
    private static readonly Guid OtherUserId = Guid.Parse("0193a5c2-0000-7000-8000-000000000002");

    [Fact]
    public async Task Validate_StaffDeactivatingThemselves_ReportsCannotDeactivateOwnAccount()
    {
        var result = await Validate(new UpdateUserCommand(StaffId, StaffId, IsActive: false, IsStaff: null));

        result.MessagesFor("IsActive").ShouldBe(["You cannot deactivate your own account."]);
    }

    [Fact]
    public async Task Validate_StaffRemovingTheirOwnStaffStatus_ReportsCannotRemoveOwnStaffStatus()
    {
        var result = await Validate(new UpdateUserCommand(StaffId, StaffId, IsActive: null, IsStaff: false));

        result.MessagesFor("IsStaff").ShouldBe(["You cannot remove your own staff status."]);
    }

    [Fact]
    public async Task Validate_StaffDeactivatingAndUnstaffingThemselves_ReportsBoth()
    {
        var result = await Validate(new UpdateUserCommand(StaffId, StaffId, IsActive: false, IsStaff: false));

        result.MessagesFor("IsActive").ShouldBe(["You cannot deactivate your own account."]);
        result.MessagesFor("IsStaff").ShouldBe(["You cannot remove your own staff status."]);
    }

    [Fact]
    public async Task Validate_StaffDeactivatingAndUnstaffingAnotherUser_IsValid()
    {
        var result = await Validate(new UpdateUserCommand(StaffId, OtherUserId, IsActive: false, IsStaff: false));

        result.IsValid.ShouldBeTrue();
    }

    [Theory]
    [InlineData(true, true)]
    [InlineData(true, null)]
    [InlineData(null, true)]
    [InlineData(null, null)]
    public async Task Validate_StaffKeepingThemselvesActiveStaff_IsValid(bool? isActive, bool? isStaff)
    {
        var result = await Validate(new UpdateUserCommand(StaffId, StaffId, isActive, isStaff));

        result.IsValid.ShouldBeTrue();
    }

    private static Task<ValidationResult> Validate(UpdateUserCommand command) =>
        new UpdateUserCommandValidator().ValidateAsync(command);
}
