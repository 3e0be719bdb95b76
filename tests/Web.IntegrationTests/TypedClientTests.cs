using ShopEase.Web.IntegrationTests.Support;

namespace ShopEase.Web.IntegrationTests;

/// <summary>
/// The TypeScript front end in examples/ is typed from this app's live OpenAPI document
/// (openapi-typescript) and compiled (tsc --noEmit): a change of the document that would break a
/// generated client fails here. Without Node.js and npm this fails too; it never passes unchecked.
/// </summary>
public sealed class TypedClientTests(ShopEaseApiFactory factory) : IClassFixture<ShopEaseApiFactory>
{
    [Fact]
    public async Task ExampleFrontEnd_CompilesAgainstTypesGeneratedFromTheLiveDocument()
    {
        var document = Path.Combine(Path.GetTempPath(), $"shopease-openapi-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(document, await factory.CreateApiClient().GetStringAsync("/openapi/v1.json"));
        try
        {
            var check = Path.Combine(ExternalCommand.RepositoryRoot(), "examples", "check.sh");

            var (exitCode, output) = await ExternalCommand.RunAsync("bash", [check, document], TimeSpan.FromMinutes(5));

            exitCode.ShouldBe(0, output);
            output.ShouldContain("the example compiles against");
        }
        finally
        {
            File.Delete(document);
        }
    }
}
