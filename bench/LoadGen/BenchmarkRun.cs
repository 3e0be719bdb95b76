using System.Security.Cryptography;

namespace ShopEase.LoadGen;

/// <summary>
/// Seeds users through the API, warms every scenario up, then runs the scenarios interleaved in rounds
/// (and the hash ceiling before the hash-bound ones in each round), and reports.
/// </summary>
internal sealed class BenchmarkRun(BenchOptions options)
{
    private readonly string _runId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));

    // Random per run: never among the common passwords, and with no '.', so it cannot contain an
    // email's local part (they all have one).
    private readonly string _password = "Bp-" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(15)).Replace('+', '-').Replace('/', '_');

    private long _registered;

    public async Task<int> RunAsync()
    {
        using var api = new ApiClient(options.Api, BenchOptions.FastConnections);
        using var apiNoCheck = new ApiClient(options.ApiNoRevocationCheck, BenchOptions.FastConnections);
        var runner = new ScenarioRunner(new CpuMeter(options.PostgresPid));

        var accounts = await SeedAsync(api, BenchOptions.FastConnections);
        var scenarios = Scenarios(api, apiNoCheck, accounts);
        var totals = scenarios.ToDictionary(s => s.Key, s => new ScenarioTotals(s), StringComparer.Ordinal);
        var hashSamples = new List<HashSample>();
        var ceiling = HashCeiling.FromEnvironment();

        foreach (var scenario in scenarios)
        {
            Log($"warming up {scenario.Key} for {options.InitialWarmUp(scenario).TotalSeconds:0} s");
            totals[scenario.Key].AddFailures(await runner.RunAsync(scenario, options.InitialWarmUp(scenario), TimeSpan.Zero));
        }

        for (var round = 1; round <= options.Rounds; round++)
        {
            foreach (var scenario in scenarios)
            {
                if (scenario.Key == "login")
                {
                    var sample = ceiling.Measure(options.SequentialHashes, options.ParallelHashTime);
                    hashSamples.Add(sample);
                    Log($"round {round}/{options.Rounds} hash ceiling ({ceiling.Algorithm} {ceiling.Parameters}): {sample.MsPerHash:0.0} ms per hash, {sample.HashesPerSecond:0.0} hashes/s on {Environment.ProcessorCount} cores");
                }

                var slice = await runner.RunAsync(scenario, BenchOptions.SliceWarmUp, options.Slice);
                totals[scenario.Key].Add(slice);
                Log($"round {round}/{options.Rounds} {scenario.Key}: {slice.Rps:0} rps, {slice.Latencies.Count} requests, " +
                    $"cpu api {slice.Cpu.Server:0.00} client {slice.Cpu.Client:0.00} pg {slice.Cpu.Postgres:0.00} other {slice.Cpu.Other:0.00} cores");
            }
        }

        var report = new Report(options, totals.Values.ToList(), ceiling, hashSamples)
        {
            RssMib = CpuMeter.StatusMib(options.ApiPid, "VmRSS"),
            PeakRssMib = CpuMeter.StatusMib(options.ApiPid, "VmHWM"),
            RssMibNoRevocationCheck = CpuMeter.StatusMib(options.ApiNoRevocationCheckPid, "VmRSS"),
        };
        report.Print(Console.Out);
        await report.WriteJsonAsync(options.OutputPath);
        return report.AllAnswered ? 0 : 1;
    }

    private List<Scenario> Scenarios(ApiClient api, ApiClient apiNoCheck, IReadOnlyList<Account> accounts)
    {
        var fast = BenchOptions.FastConnections;
        var hashBound = BenchOptions.HashConnections;
        var health = api.Route("/health/live");
        var me = api.Route("/api/auth/me");
        var meNoCheck = apiNoCheck.Route("/api/auth/me");
        var verify = api.Route("/api/auth/token/verify");
        var refresh = api.Route("/api/auth/token/refresh");
        var login = api.Route("/api/auth/login");
        var register = api.Route("/api/auth/register");
        return
        [
            new("health", "GET /health/live", fast, api, options.ApiPid, _ => api.GetAsync(health)),
            new("me", "GET /api/auth/me", fast, api, options.ApiPid, vu => api.GetAsync(me, accounts[vu].Access)),
            new("me_no_revocation_check", "GET /api/auth/me, check off", fast, apiNoCheck, options.ApiNoRevocationCheckPid,
                vu => apiNoCheck.GetAsync(meNoCheck, accounts[vu].Access)),
            new("verify", "POST /api/auth/token/verify", fast, api, options.ApiPid, vu => api.PostJsonAsync(verify, accounts[vu].VerifyBody)),
            new("refresh", "POST /api/auth/token/refresh", fast, api, options.ApiPid, vu => RefreshAsync(api, refresh, accounts[vu])),
            new("login", "POST /api/auth/login", hashBound, api, options.ApiPid, vu => api.PostJsonAsync(login, accounts[vu].LoginBody))
            {
                HashBound = true,
            },
            new("register", "POST /api/auth/register", hashBound, api, options.ApiPid,
                vu => api.PostJsonAsync(register, RegisterBody($"r{vu}.{Interlocked.Increment(ref _registered)}")))
            {
                HashBound = true,
            },
        ];
    }

    /// <summary>Sends the chain's refresh token exactly once and keeps the one that replaces it.</summary>
    private static async Task<ApiResponse> RefreshAsync(ApiClient api, Uri route, Account account)
    {
        var token = account.TakeRefresh();
        var response = await api.PostJsonAsync(route, ApiClient.JsonBody(("refresh", token)), keepBody: true);
        account.ContinueChain(response.IsSuccess ? response.JsonString("refresh") : null);
        return response;
    }

    /// <summary>One account per virtual user, signed up through the API (which pays one hash for each).</summary>
    private async Task<IReadOnlyList<Account>> SeedAsync(ApiClient api, int count)
    {
        Log($"seeding {count} users through POST /api/auth/register");
        var route = api.Route("/api/auth/register");
        var accounts = new Account?[count];
        var next = -1;
        var workers = Enumerable.Range(0, BenchOptions.HashConnections).Select(async _ =>
        {
            for (var i = Interlocked.Increment(ref next); i < count; i = Interlocked.Increment(ref next))
            {
                var email = Email($"seed{i}");
                var response = await api.PostJsonAsync(route, RegisterBody($"seed{i}"), keepBody: true);
                var access = response.JsonString("access");
                var refresh = response.JsonString("refresh");
                if (!response.IsSuccess || access is null || refresh is null)
                {
                    throw new InvalidOperationException($"seeding {email} failed: {response.Describe()}");
                }

                accounts[i] = new Account(email, _password, access, refresh);
            }
        });
        await Task.WhenAll(workers);
        return accounts.Select(a => a!).ToArray();
    }

    private byte[] RegisterBody(string name) => ApiClient.JsonBody(("email", Email(name)), ("password", _password));

    private string Email(string name) => $"bench.{_runId}.{name}@shopease.test";

    public static void Log(string message) => Console.Error.WriteLine($"[bench] {message}");
}

/// <summary>A scenario's slices added up over the rounds.</summary>
internal sealed class ScenarioTotals(Scenario scenario)
{
    private double _serverCpuSeconds;
    private double _clientCpuSeconds;
    private double _postgresCpuSeconds;
    private double _otherCpuSeconds;

    public Scenario Scenario { get; } = scenario;

    public List<long> Latencies { get; } = [];

    public List<double> RoundRps { get; } = [];

    public double WindowSeconds { get; private set; }

    public long Non2xx { get; private set; }

    public long Errors { get; private set; }

    public double Rps => Latencies.Count / WindowSeconds;

    public CpuUse Cpu => new(
        _serverCpuSeconds / WindowSeconds, _clientCpuSeconds / WindowSeconds,
        _postgresCpuSeconds / WindowSeconds, _otherCpuSeconds / WindowSeconds);

    public void AddFailures(SliceResult slice)
    {
        Non2xx += slice.Non2xx;
        Errors += slice.Errors;
    }

    public void Add(SliceResult slice)
    {
        AddFailures(slice);
        Latencies.AddRange(slice.Latencies);
        RoundRps.Add(slice.Rps);
        var seconds = slice.Window.TotalSeconds;
        WindowSeconds += seconds;
        _serverCpuSeconds += slice.Cpu.Server * seconds;
        _clientCpuSeconds += slice.Cpu.Client * seconds;
        _postgresCpuSeconds += slice.Cpu.Postgres * seconds;
        _otherCpuSeconds += slice.Cpu.Other * seconds;
    }
}
