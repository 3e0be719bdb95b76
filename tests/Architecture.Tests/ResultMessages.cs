using NetArchTest.Rules;

namespace ShopEase.Architecture.Tests;

internal static class ResultMessages
{
    /// <summary>Names the offending types, so a failure says where to look.</summary>
    public static string Failing(this TestResult result) =>
        "Breaking types: " + string.Join(", ", result.FailingTypeNames ?? []);
}
