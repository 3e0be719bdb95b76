using System.Net;
using ShopEase.Web.IntegrationTests.Support;

namespace ShopEase.Web.IntegrationTests;

public sealed class ConcurrencyTests(ShopEaseApiFactory factory) : IClassFixture<ShopEaseApiFactory>
{
    [Fact]
    public async Task TenConcurrentSignUpsWithOneEmail_CreateOneAccount_OthersGet400EmailAlreadyExists()
    {
        var email = ApiClientExtensions.UniqueEmail("race");
        var clients = Enumerable.Range(0, 10).Select(_ => factory.CreateApiClient()).ToArray();

        var responses = await Task.WhenAll(clients.Select(c =>
            c.PostJsonAsync("/api/auth/register", new { email, password = ApiClientExtensions.DefaultPassword })));

        responses.Count(r => r.StatusCode == HttpStatusCode.Created).ShouldBe(1);
        var rejected = responses.Where(r => r.StatusCode != HttpStatusCode.Created).ToArray();
        rejected.Length.ShouldBe(9);
        foreach (var response in rejected)
        {
            response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            var problem = await response.ReadProblemAsync();
            problem.Code.ShouldBe("validation_failed");
            problem.Errors!["email"].ShouldBe(["Email already exists"]);
        }
    }

    [Fact]
    public async Task FiveConcurrentRefreshesWithOneToken_ExactlyOneSucceeds()
    {
        var registered = await factory.CreateApiClient().RegisterAsync();
        var clients = Enumerable.Range(0, 5).Select(_ => factory.CreateApiClient()).ToArray();

        var responses = await Task.WhenAll(clients.Select(c => c.RefreshAsync(registered.Refresh)));

        responses.Count(r => r.StatusCode == HttpStatusCode.OK).ShouldBe(1);
        responses.Count(r => r.StatusCode == HttpStatusCode.Unauthorized).ShouldBe(4);
    }

    [Fact]
    public async Task ConcurrentRefreshes_LeaveExactlyOneLiveSuccessor()
    {
        var registered = await factory.CreateApiClient().RegisterAsync();
        var clients = Enumerable.Range(0, 5).Select(_ => factory.CreateApiClient()).ToArray();

        await Task.WhenAll(clients.Select(c => c.RefreshAsync(registered.Refresh)));

        var sessionId = Guid.Parse(JwtPayload.Read(registered.Access)["sid"].GetString()!);
        var live = await factory.WithDbContextAsync(db =>
            Task.FromResult(db.RefreshTokens.Count(t => t.SessionId == sessionId && t.SpentAt == null)));
        live.ShouldBe(1);
    }
}
