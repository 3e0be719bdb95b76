using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text.Json;
using Npgsql;

namespace ShopEase.LoadGen.Chaos;

/// <summary>
/// Drives sign-ups, logins, refresh chains and checkouts through the cluster's balancer until bench/chaos.sh
/// says stop, retrying what failed the way a careful client would (the same token, the same Idempotency-Key),
/// then checks through the API and the database that nothing was lost, doubled or broken, and prints the table.
/// </summary>
internal sealed class ChaosRun(ChaosOptions options)
{
    private const int ProductCount = 4;
    private const int InitialStock = 250;
    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Between one user's steps: a steady load, not the machine's ceiling, so that a restarted node gets the
    /// CPU to start (the benchmark, not this run, measures throughput).
    /// </summary>
    private static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(200);
    private static readonly MediaTypeHeaderValue Json = new("application/json");

    private readonly string _runId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));
    private readonly string _password = "Cx-" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(15)).Replace('+', '-').Replace('/', '_');
    private readonly ConcurrentQueue<Attempt> _attempts = new();
    private readonly ConcurrentDictionary<string, (Guid OrderId, string Access)> _orders = new(StringComparer.Ordinal);
    private readonly ConcurrentBag<ChainEnd> _chainEnds = [];
    private readonly ConcurrentQueue<string> _unexpected = new();
    private long _unresolved;
    private long _refreshes;
    private volatile bool _stopping;

    public async Task<int> RunAsync()
    {
        using var api = new ApiClient(options.Api, 64);
        var started = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var products = await CreateProductsAsync(api);
        var wal = await MeasureWalAsync(api, products[0].Id);

        // Every account is signed up before the load, two at a time (one hash per core): a burst of
        // hashes at the start would only queue behind each other.
        var shoppers = await SignUpAllAsync(api, options.Shoppers, i => Email($"shopper{i}"));
        var chains = await SignUpAllAsync(api, options.Chains, i => Email($"chain{i}.0"));
        Log($"run {_runId}: {products.Count} products of {InitialStock}, {options.Shoppers} shoppers, {options.Chains} refresh chains");

        var workers = shoppers.Select((session, i) => Task.Run(() => ShopAsync(api, i, session, products)))
            .Concat(chains.Select((session, i) => Task.Run(() => ChainAsync(api, i, session))))
            .ToList();
        await File.WriteAllTextAsync(options.StopFile + ".started", string.Empty);
        while (!File.Exists(options.StopFile))
        {
            await Task.Delay(200);
        }

        _stopping = true;
        await Task.WhenAll(workers);
        var stopped = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        Log("load stopped; checking through the API and the database");

        var faults = Fault.Read(options.FaultsFile);
        var report = new ChaosReport(_attempts.ToList(), faults, started, stopped);
        report.Checks.AddRange(await CheckOrdersAsync(api));
        report.Checks.AddRange(await CheckStockAsync(api, products));
        report.Checks.Add(await CheckRefreshTokensAsync());
        var dishonest = _chainEnds.Count(e => !e.Honest);
        report.Checks.Add(new Check(
            "every refresh chain continues (200) or ended with an honest 401 after a failed attempt",
            dishonest == 0,
            $"{_chainEnds.Count(e => e.Continues)} continue, {_chainEnds.Count(e => !e.Continues && e.Honest)} ended honestly, {dishonest} ended otherwise; {_refreshes} rotations"));
        report.Checks.Add(new Check("every checkout got a definitive answer (201, 200 replay or 409) within 60 s", _unresolved == 0, $"{_unresolved} unresolved"));
        report.AddFailureChecks();
        report.Print(Console.Out);
        Console.Out.WriteLine(wal);
        foreach (var line in _unexpected.Take(10))
        {
            Console.Out.WriteLine($"  unexpected: {line}");
        }

        return report.Passed ? 0 : 1;
    }

    private async Task<IReadOnlyList<(Guid Id, string Sku)>> CreateProductsAsync(ApiClient api)
    {
        var staffEmail = Email("staff");
        var staff = await SignUpAsync(api, staffEmail) ?? throw new InvalidOperationException("could not sign the staff account up");
        await using (var db = new NpgsqlConnection(options.Database))
        {
            await db.OpenAsync();
            await using var promote = new NpgsqlCommand("UPDATE users SET is_staff = true WHERE email = $1", db) { Parameters = { new() { Value = staffEmail } } };
            await promote.ExecuteNonQueryAsync();
        }

        var products = new List<(Guid, string)>();
        for (var i = 0; i < ProductCount; i++)
        {
            var sku = $"CHAOS-{_runId}-{i}";
            var body = JsonSerializer.SerializeToUtf8Bytes(new
            {
                sku,
                name = $"Chaos mug {i}",
                description = "Sold while nodes die",
                price = new { amount = 1000 + i, currency = "EUR" },
                stock = InitialStock,
            });
            var response = await UntilDefinitiveAsync(api, "POST /api/products", () => Post("/api/products", body, staff.Access), _ => false)
                ?? throw new InvalidOperationException("could not create the products");
            products.Add((Guid.Parse(response.JsonString("id")!), sku));
        }

        return products;
    }

    /// <summary>
    /// WAL that PostgreSQL writes per refresh and per checkout (with the cart write before it), from
    /// pg_current_wal_lsn around a run of each alone, before the load starts: an input of docs/scaling.md.
    /// </summary>
    private async Task<string> MeasureWalAsync(ApiClient api, Guid product)
    {
        const int Refreshes = 100;
        const int Checkouts = 20;
        var session = await SignUpAsync(api, Email("wal")) ?? throw new InvalidOperationException("could not sign the WAL probe up");
        var token = session.Refresh;
        var before = await WalPositionAsync();
        for (var i = 0; i < Refreshes; i++)
        {
            var response = await UntilDefinitiveAsync(api, "POST /api/auth/token/refresh", () => Post("/api/auth/token/refresh", ApiClient.JsonBody(("refresh", token))), _ => false);
            token = response?.JsonString("refresh") ?? throw new InvalidOperationException("the WAL probe's refresh failed");
        }

        var afterRefreshes = await WalPositionAsync();
        var quantity = JsonSerializer.SerializeToUtf8Bytes(new { quantity = 1 });
        for (var i = 0; i < Checkouts; i++)
        {
            await UntilDefinitiveAsync(api, "PUT /api/cart/items/{id}", () => Send(HttpMethod.Put, $"/api/cart/items/{product}", quantity, session.Access), _ => false);
            var key = $"chaos-{_runId}-wal-{i}";
            var order = await UntilDefinitiveAsync(api, "POST /api/orders", () => Send(HttpMethod.Post, "/api/orders", null, session.Access, key), _ => false);
            _orders[key] = (Guid.Parse(order?.JsonString("id") ?? throw new InvalidOperationException("the WAL probe's checkout failed")), session.Access);
        }

        var afterCheckouts = await WalPositionAsync();
        return Invariant($"WAL per request, measured alone before the load: refresh {(afterRefreshes - before) / (double)Refreshes:0} bytes, ") +
            Invariant($"checkout with its cart write {(afterCheckouts - afterRefreshes) / (double)Checkouts:0} bytes ({Refreshes} and {Checkouts} requests)");
    }

    private async Task<long> WalPositionAsync()
    {
        await using var db = new NpgsqlConnection(options.Database);
        await db.OpenAsync();
        await using var select = new NpgsqlCommand("SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), '0/0')::bigint", db);
        return (long)(await select.ExecuteScalarAsync())!;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private async Task<IReadOnlyList<Session>> SignUpAllAsync(ApiClient api, int count, Func<int, string> email)
    {
        var sessions = new Session[count];
        for (var i = 0; i < count; i += 2)
        {
            var pair = Enumerable.Range(i, Math.Min(2, count - i)).Select(async j =>
                sessions[j] = await SignUpAsync(api, email(j)) ?? throw new InvalidOperationException($"could not sign {email(j)} up"));
            await Task.WhenAll(pair);
        }

        return sessions;
    }

    private async Task ShopAsync(ApiClient api, int shopper, Session session, IReadOnlyList<(Guid Id, string Sku)> products)
    {
        var email = Email($"shopper{shopper}");
        var loginBody = ApiClient.JsonBody(("email", email), ("password", _password));
        for (var round = 0; !_stopping; round++)
        {
            if (round % 20 == 19)
            {
                var login = await UntilDefinitiveAsync(api, "POST /api/auth/login", () => Post("/api/auth/login", loginBody), _ => false);
                session = login is { IsSuccess: true } ? new Session(login.Value.JsonString("access")!, login.Value.JsonString("refresh")!) : session;
            }

            var product = products[(shopper + round) % products.Count].Id;
            var quantity = JsonSerializer.SerializeToUtf8Bytes(new { quantity = 1 + (round % 2) });
            await UntilDefinitiveAsync(api, "PUT /api/cart/items/{id}", () => Send(HttpMethod.Put, $"/api/cart/items/{product}", quantity, session.Access), _ => false);

            var key = $"chaos-{_runId}-{shopper}-{round}";
            var order = await UntilDefinitiveAsync(
                api, "POST /api/orders", () => Send(HttpMethod.Post, "/api/orders", null, session.Access, key), status => status == 409);
            if (order is null)
            {
                Interlocked.Increment(ref _unresolved);
            }
            else if (order.Value.IsSuccess)
            {
                _orders[key] = (Guid.Parse(order.Value.JsonString("id")!), session.Access);
            }
            else
            {
                // Sold out: empty the cart so the next round orders what is left.
                await UntilDefinitiveAsync(api, "DELETE /api/cart", () => Send(HttpMethod.Delete, "/api/cart", null, session.Access), _ => false);
            }

            await Task.Delay(Pause);
        }
    }

    private async Task ChainAsync(ApiClient api, int chain, Session first)
    {
        for (var generation = 0; !_stopping; generation++)
        {
            var session = generation == 0 ? first : await SignUpAsync(api, Email($"chain{chain}.{generation}"));
            if (session is null)
            {
                return;
            }

            var token = session.Refresh;
            var failedBefore = false;
            while (true)
            {
                var response = await SendAsync(api, "POST /api/auth/token/refresh", () => Post("/api/auth/token/refresh", ApiClient.JsonBody(("refresh", token))), status => status == 401);
                if (response is { IsSuccess: true } ok)
                {
                    token = ok.JsonString("refresh")!;
                    failedBefore = false;
                    Interlocked.Increment(ref _refreshes);
                    if (_stopping)
                    {
                        _chainEnds.Add(new ChainEnd(Continues: true, Honest: true));
                        return;
                    }

                    await Task.Delay(Pause);
                }
                else if (response is { Status: 401 })
                {
                    // Honest only when an earlier try of this very token failed: its rotation may have
                    // committed with the answer lost, and the retry was then a replay.
                    _chainEnds.Add(new ChainEnd(Continues: false, Honest: failedBefore));
                    break;
                }
                else if (response is { } other && Classify(other, _ => false) == Outcome.Unexpected)
                {
                    _chainEnds.Add(new ChainEnd(Continues: false, Honest: false));
                    break;
                }
                else
                {
                    failedBefore = true;
                    await Task.Delay(200);
                }
            }
        }
    }

    /// <summary>Signs up (retrying); an "already exists" answer after a failed try means the first try committed: log in then.</summary>
    private async Task<Session?> SignUpAsync(ApiClient api, string email)
    {
        var body = ApiClient.JsonBody(("email", email), ("password", _password));
        var response = await UntilDefinitiveAsync(api, "POST /api/auth/register", () => Post("/api/auth/register", body), status => status == 400);
        if (response is { Status: 400 })
        {
            response = await UntilDefinitiveAsync(api, "POST /api/auth/login", () => Post("/api/auth/login", body), _ => false);
        }

        return response is { IsSuccess: true } ok ? new Session(ok.JsonString("access")!, ok.JsonString("refresh")!) : null;
    }

    /// <summary>Sends until the answer is a success, an expected refusal or a bug; null after <see cref="GiveUpAfter"/>.</summary>
    private async Task<ApiResponse?> UntilDefinitiveAsync(ApiClient api, string route, Func<HttpRequestMessage> request, Func<int, bool> expectedRefusal)
    {
        var deadline = DateTime.UtcNow + GiveUpAfter;
        while (DateTime.UtcNow < deadline)
        {
            var response = await SendAsync(api, route, request, expectedRefusal);
            if (response is { } answer && Classify(answer, expectedRefusal) is Outcome.Ok or Outcome.ExpectedRefusal or Outcome.Unexpected)
            {
                return answer;
            }

            await Task.Delay(200);
        }

        return null;
    }

    private async Task<ApiResponse?> SendAsync(ApiClient api, string route, Func<HttpRequestMessage> request, Func<int, bool> expectedRefusal)
    {
        try
        {
            var response = await api.SendAsync(request(), keepBody: true);
            var outcome = Classify(response, expectedRefusal);
            Record(route, outcome, response.Status);
            if (outcome == Outcome.Unexpected)
            {
                _unexpected.Enqueue($"{route}: {response.Describe()}");
            }

            return response;
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or SocketException)
        {
            Record(route, Outcome.ConnectionError, 0);
            return null;
        }
    }

    private static Outcome Classify(ApiResponse response, Func<int, bool> expectedRefusal)
    {
        if (response.IsSuccess)
        {
            return Outcome.Ok;
        }

        // HAProxy answers for a node that could not with the same problem (scripts/lib/cluster.sh); its title tells.
        if (response.Status == 503 && response.JsonStringOrNull("code") == "service_unavailable")
        {
            return response.JsonStringOrNull("title")?.StartsWith("No API node", StringComparison.Ordinal) == true
                ? Outcome.ProxyError
                : Outcome.ServiceUnavailable;
        }

        if (response.Status is 502 or 503 or 504 && response.JsonStringOrNull("code") is null)
        {
            return Outcome.ProxyError;
        }

        return expectedRefusal(response.Status) ? Outcome.ExpectedRefusal : Outcome.Unexpected;
    }

    private void Record(string route, Outcome outcome, int status) =>
        _attempts.Enqueue(new Attempt(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), route, outcome, status));

    private async Task<IEnumerable<Check>> CheckOrdersAsync(ApiClient api)
    {
        var inDatabase = new HashSet<Guid>();
        long duplicates;
        await using (var db = new NpgsqlConnection(options.Database))
        {
            await db.OpenAsync();
            await using (var select = new NpgsqlCommand("SELECT o.id FROM orders o JOIN users u ON u.id = o.user_id WHERE u.email LIKE $1", db)
            {
                Parameters = { new() { Value = $"chaos.{_runId}.%" } },
            })
            await using (var reader = await select.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    inDatabase.Add(reader.GetGuid(0));
                }
            }

            await using var dup = new NpgsqlCommand(
                "SELECT count(*) FROM (SELECT 1 FROM orders WHERE idempotency_key LIKE $1 GROUP BY user_id, idempotency_key HAVING count(*) > 1) d", db)
            {
                Parameters = { new() { Value = $"chaos-{_runId}-%" } },
            };
            duplicates = (long)(await dup.ExecuteScalarAsync())!;
        }

        var acknowledged = _orders.Values.Select(o => o.OrderId).ToHashSet();
        var lost = acknowledged.Count(id => !inDatabase.Contains(id));
        var unacknowledged = inDatabase.Count(id => !acknowledged.Contains(id));
        var unreadable = 0;
        foreach (var (orderId, access) in _orders.Values)
        {
            var response = await api.GetAsync(api.Route($"/api/orders/{orderId}"), access);
            unreadable += response.IsSuccess ? 0 : 1;
        }

        return
        [
            new Check("every acknowledged order is in the database, and no other", lost == 0 && unacknowledged == 0,
                $"{acknowledged.Count} acknowledged, {inDatabase.Count} in the database, {lost} lost, {unacknowledged} unacknowledged"),
            new Check("no Idempotency-Key made two orders", duplicates == 0, $"{duplicates} keys with more than one order"),
            new Check("every acknowledged order reads back through the API", unreadable == 0, $"{acknowledged.Count - unreadable} of {acknowledged.Count} answer 200"),
        ];
    }

    private async Task<IEnumerable<Check>> CheckStockAsync(ApiClient api, IReadOnlyList<(Guid Id, string Sku)> products)
    {
        var details = new List<string>();
        var ok = true;
        await using var db = new NpgsqlConnection(options.Database);
        await db.OpenAsync();
        foreach (var (id, _) in products)
        {
            await using var select = new NpgsqlCommand(
                "SELECT p.stock, COALESCE((SELECT sum(l.quantity) FROM order_lines l WHERE l.product_id = p.id), 0) FROM products p WHERE p.id = $1", db)
            {
                Parameters = { new() { Value = id } },
            };
            await using var reader = await select.ExecuteReaderAsync();
            await reader.ReadAsync();
            var stock = reader.GetInt32(0);
            var sold = reader.GetInt64(1);
            var viaApi = (await api.SendAsync(new HttpRequestMessage(HttpMethod.Get, api.Route($"/api/products/{id}")), keepBody: true)).JsonNumberOrNull("stock");
            ok &= stock >= 0 && InitialStock - stock == sold && viaApi == stock;
            details.Add($"{stock}+{sold}");
        }

        return [new Check("stock >= 0 and stock + sold = initial for every product, the API agreeing", ok, $"stock+sold per product: {string.Join(", ", details)} (initial {InitialStock})")];
    }

    private async Task<Check> CheckRefreshTokensAsync()
    {
        await using var db = new NpgsqlConnection(options.Database);
        await db.OpenAsync();
        await using var select = new NpgsqlCommand(
            """
            SELECT count(*) FILTER (WHERE live > 1), count(*), COALESCE(sum(spent), 0)
            FROM (SELECT t.session_id, count(*) - count(t.spent_at) AS live, count(t.spent_at) AS spent
                  FROM refresh_tokens t JOIN sessions s ON s.id = t.session_id JOIN users u ON u.id = s.user_id
                  WHERE u.email LIKE $1 GROUP BY t.session_id) per_session
            """, db)
        {
            Parameters = { new() { Value = $"chaos.{_runId}.%" } },
        };
        await using var reader = await select.ExecuteReaderAsync();
        await reader.ReadAsync();
        var doubled = reader.GetInt64(0);
        return new Check("no refresh token rotated twice (at most one unspent token per session)", doubled == 0,
            $"{reader.GetInt64(1)} sessions, {reader.GetDecimal(2)} spent tokens, {doubled} sessions with two live tokens");
    }

    private HttpRequestMessage Post(string path, byte[] body, string? bearer = null) => Send(HttpMethod.Post, path, body, bearer);

    private HttpRequestMessage Send(HttpMethod method, string path, byte[]? body, string? bearer, string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(method, new Uri(options.Api, path));
        if (body is not null)
        {
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.ContentType = Json;
        }

        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return request;
    }

    private string Email(string name) => $"chaos.{_runId}.{name}@shopease.test";

    private static void Log(string message) => Console.Error.WriteLine($"[chaos] {message}");

    private sealed record Session(string Access, string Refresh);

    private sealed record ChainEnd(bool Continues, bool Honest);
}
