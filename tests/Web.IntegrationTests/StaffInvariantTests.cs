using System.Net;
using Microsoft.EntityFrameworkCore;
using ShopEase.Web.IntegrationTests.Support;

namespace ShopEase.Web.IntegrationTests;

/// <summary>
/// At least one active staff account always remains, also when two staff members take each other's status
/// away at the same moment. A database of its own, so that these two are its only staff.
/// </summary>
public sealed class StaffInvariantTests(ShopEaseApiFactory factory) : IClassFixture<ShopEaseApiFactory>
{
    private readonly HttpClient _client = factory.CreateApiClient();

    [Theory]
    [InlineData("isStaff")]
    [InlineData("isActive")]
    public async Task TwoStaffMembersTakingEachOthersStatusAtOnce_LeaveOneActiveStaffAccount(string field)
    {
        var ann = await _client.RegisterStaffAsync(factory);
        var bob = await _client.RegisterStaffAsync(factory);
        await RemoveEveryOtherStaffAsync(ann, bob);

        // Both requests are past authorization and wait at the staff rows the test holds; then both run.
        var rows = await DatabaseLocks.HoldAsync(factory.ConnectionString, "SELECT 1 FROM users WHERE is_staff FOR UPDATE");
        var annTakesBobs = PatchAsync(ann.Access, bob.User.Id, field);
        var bobTakesAnns = PatchAsync(bob.Access, ann.User.Id, field);
        await DatabaseLocks.WaitForWaitersAsync(factory.ConnectionString, 2);
        await rows.DisposeAsync();
        var answers = await Task.WhenAll(annTakesBobs, bobTakesAnns);

        answers.Count(a => a.StatusCode == HttpStatusCode.OK).ShouldBe(1);
        var refused = answers.Single(a => a.StatusCode != HttpStatusCode.OK);
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await refused.ReadProblemAsync()).Errors![field].ShouldBe(["At least one active staff account must remain."]);
        (await ActiveStaffCountAsync()).ShouldBe(1);
    }

    [Fact]
    public async Task TakingAwayTheLastOtherStaffAccount_LeavesTheCallerAsTheOneActiveStaff()
    {
        var ann = await _client.RegisterStaffAsync(factory);
        var bob = await _client.RegisterStaffAsync(factory);
        await RemoveEveryOtherStaffAsync(ann, bob);

        (await PatchAsync(ann.Access, bob.User.Id, "isStaff")).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await ActiveStaffCountAsync()).ShouldBe(1);
    }

    private Task<HttpResponseMessage> PatchAsync(string access, string userId, string field) =>
        _client.SendAsync(HttpMethod.Patch, $"/api/admin/users/{userId}", access, new Dictionary<string, bool> { [field] = false });

    private async Task RemoveEveryOtherStaffAsync(params AuthBody[] keep)
    {
        var ids = keep.Select(k => Guid.Parse(k.User.Id)).ToList();
        await factory.WithDbContextAsync(db => db.Users.Where(u => u.IsStaff && !ids.Contains(u.Id))
            .ExecuteUpdateAsync(u => u.SetProperty(x => x.IsStaff, false)));
    }

    private Task<int> ActiveStaffCountAsync() =>
        factory.WithDbContextAsync(db => db.Users.CountAsync(u => u.IsStaff && u.IsActive));
}
