using System.Net;
using ShopEase.Infrastructure.Passwords;
using ShopEase.Web.IntegrationTests.Support;

namespace ShopEase.Web.IntegrationTests;

public sealed class PasswordPolicyTests(ShopEaseApiFactory factory) : IClassFixture<ShopEaseApiFactory>
{
    private readonly HttpClient _client = factory.CreateApiClient();

    [Theory]
    [InlineData("password")]
    [InlineData("12345678")]
    [InlineData("iloveyou")]
    [InlineData("Sunshine")]
    public async Task Register_WithACommonPassword_Is400OnPassword(string password)
    {
        var response = await _client.PostJsonAsync("/api/auth/register", new { email = ApiClientExtensions.UniqueEmail(), password });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ReadProblemAsync()).Errors!["password"].ShouldBe(["This password is too common; choose one that is harder to guess."]);
    }

    [Fact]
    public async Task Register_WithAPasswordContainingTheEmailsName_Is400OnPassword()
    {
        var name = $"ann{Guid.NewGuid():N}"[..12];

        var response = await _client.PostJsonAsync("/api/auth/register", new { email = $"{name}@shop.io", password = $"{name.ToUpperInvariant()}!2026" });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ReadProblemAsync()).Errors!["password"].ShouldBe(["Password must not contain the email address's name."]);
    }

    [Fact]
    public async Task ChangePassword_ToACommonPassword_Is400OnNewPassword()
    {
        var session = await _client.RegisterAsync();

        var response = await _client.PostJsonAsync("/api/auth/password",
            new { currentPassword = ApiClientExtensions.DefaultPassword, newPassword = "qwertyuiop" }, session.Access);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ReadProblemAsync()).Errors!.Keys.ShouldBe(["newPassword"]);
    }

    [Fact]
    public void CommonPasswordList_HoldsExactlyTheTopTenThousand()
    {
        var list = new CommonPasswordList();

        list.IsCommon("123456").ShouldBeTrue("rank 1");
        list.IsCommon("PASSWORD").ShouldBeTrue("compared case-insensitively");
        list.IsCommon("correct horse battery").ShouldBeFalse();
        CountListed(list).ShouldBe(CommonPasswordList.Size);
    }

    private static int CountListed(CommonPasswordList list)
    {
        using var stream = typeof(Zxcvbn.Zxcvbn).Assembly.GetManifestResourceStream("zxcvbn-core.Dictionaries.passwords.lst")!;
        using var reader = new StreamReader(stream);
        var distinct = new HashSet<string>();
        var listed = 0;
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && distinct.Add(line.ToLowerInvariant()) && list.IsCommon(line))
            {
                listed++;
            }
        }

        return listed;
    }
}
