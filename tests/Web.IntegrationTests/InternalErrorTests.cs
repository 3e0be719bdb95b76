using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using ShopEase.Application.Common.Abstractions;
using ShopEase.Domain.Users;
using ShopEase.Web.IntegrationTests.Support;

namespace ShopEase.Web.IntegrationTests;

public sealed class InternalErrorTests(InternalErrorTests.BrokenRepositoryApiFactory factory)
    : IClassFixture<InternalErrorTests.BrokenRepositoryApiFactory>
{
    [Fact]
    public async Task UnexpectedFault_Returns500WithCodeAndTraceIdOnly()
    {
        var response = await factory.CreateApiClient().PostJsonAsync("/api/auth/login", new { email = "a@b.co", password = "whatever1" });

        response.StatusCode.ShouldBe(HttpStatusCode.InternalServerError);
        var text = await response.Content.ReadAsStringAsync();
        text.ShouldNotContain("secret connection detail");
        var problem = await response.ReadProblemAsync();
        problem.Code.ShouldBe("internal_error");
        problem.TraceId.ShouldNotBeNullOrEmpty();
        using var json = JsonDocument.Parse(text);
        json.RootElement.EnumerateObject().Select(p => p.Name).Order()
            .ShouldBe(["code", "status", "title", "traceId", "type"]);
    }

    public sealed class BrokenRepositoryApiFactory : ShopEaseApiFactory
    {
        protected override void ConfigureServices(IServiceCollection services) =>
            services.AddScoped<IUserRepository, ThrowingUserRepository>();
    }

    private sealed class ThrowingUserRepository : IUserRepository
    {
        private static Exception Fault => new InvalidOperationException("secret connection detail: Host=db;Password=hunter2");

        public Task<User?> FindByIdAsync(Guid id, CancellationToken cancellationToken) => throw Fault;

        public Task<User?> FindByEmailAsync(string normalizedEmail, CancellationToken cancellationToken) => throw Fault;

        public Task<bool> EmailExistsAsync(string normalizedEmail, CancellationToken cancellationToken) => throw Fault;

        public Task<bool> TryAddAsync(User user, CancellationToken cancellationToken) => throw Fault;

        public Task UpdateAsync(User user, CancellationToken cancellationToken) => throw Fault;

        public Task<bool> TryUpdateAsync(User user, CancellationToken cancellationToken) => throw Fault;

        public Task<(IReadOnlyList<User> Items, int Total)> ListAsync(
            string? emailContains, int page, int pageSize, CancellationToken cancellationToken) => throw Fault;
    }
}
