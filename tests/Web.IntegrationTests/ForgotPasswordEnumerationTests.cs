using System.Diagnostics;
using System.Net;
using Microsoft.EntityFrameworkCore;
using ShopEase.Web.IntegrationTests.Support;
using Xunit.Abstractions;

namespace ShopEase.Web.IntegrationTests;

/// <summary>Forgot password tells nothing about which emails have accounts: not by its answer, not by its time.</summary>
public sealed class ForgotPasswordEnumerationTests(EmailApiFactory factory, ITestOutputHelper output) : IClassFixture<EmailApiFactory>
{
    private const int Samples = 50;

    private readonly HttpClient _client = factory.CreateApiClient();

    [Fact]
    public async Task UnknownInactiveAndRealAccounts_GetTheSameAnswer()
    {
        var real = (await _client.RegisterAsync()).User.Email;
        var inactive = (await _client.RegisterAsync()).User.Email;
        await factory.WithDbContextAsync(db => db.Users.Where(u => u.Email == inactive).ExecuteUpdateAsync(u => u.SetProperty(x => x.IsActive, false)));

        var answers = new List<string>();
        foreach (var email in new[] { ApiClientExtensions.UniqueEmail("ghost"), inactive, real })
        {
            answers.Add(await DescribeAsync(await _client.ForgotPasswordAsync(email)));
        }

        answers.Distinct().ShouldHaveSingleItem().ShouldStartWith("202 ");
    }

    [Fact]
    public async Task UnknownAndRealAccounts_TakeAboutTheSameTime()
    {
        var real = (await _client.RegisterAsync()).User.Email;
        await _client.ForgotPasswordAsync(real);
        await _client.ForgotPasswordAsync(ApiClientExtensions.UniqueEmail("warm"));
        var unknownTimes = new List<double>();
        var realTimes = new List<double>();

        // Interleaved, in turns, so that whatever else loads the machine weighs on both alike; and each
        // timed alone, after the sender has resolved the one before. The per-account limit is off here (as
        // in every suite but the limit tests), so every request does its full work.
        for (var i = 0; i < Samples; i++)
        {
            foreach (var unknownFirst in i % 2 == 0 ? new[] { true, false } : [false, true])
            {
                (unknownFirst ? unknownTimes : realTimes).Add(await TimeAsync(unknownFirst ? ApiClientExtensions.UniqueEmail("ghost") : real));
                await factory.ResetRequestsResolvedAsync();
            }
        }

        var unknown = Median(unknownTimes);
        var known = Median(realTimes);
        output.WriteLine($"forgot, median of {Samples}: unknown {unknown:F2} ms, real {known:F2} ms");
        Math.Abs(known - unknown).ShouldBeLessThan(Math.Max(2.0, 0.5 * Math.Max(known, unknown)));
    }

    private async Task<double> TimeAsync(string email)
    {
        var watch = Stopwatch.StartNew();
        var response = await _client.ForgotPasswordAsync(email);
        watch.Stop();
        response.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        return watch.Elapsed.TotalMilliseconds;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return (sorted[(sorted.Count - 1) / 2] + sorted[sorted.Count / 2]) / 2;
    }

    /// <summary>Status, headers (without the date) and body: everything a caller could compare.</summary>
    private static async Task<string> DescribeAsync(HttpResponseMessage response)
    {
        var headers = response.Headers.Concat(response.Content.Headers)
            .Where(h => h.Key != "Date")
            .OrderBy(h => h.Key, StringComparer.Ordinal)
            .Select(h => $"{h.Key}: {string.Join(",", h.Value)}");
        return $"{(int)response.StatusCode} {string.Join("; ", headers)} {await response.Content.ReadAsStringAsync()}";
    }
}
