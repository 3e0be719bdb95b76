namespace ShopEase.LoadGen.Chaos;

/// <summary>How one request ended, as the chaos table counts it.</summary>
internal enum Outcome
{
    /// <summary>The answer the route gives when it works (2xx).</summary>
    Ok,

    /// <summary>An honest refusal the scenario expects: a refresh chain ended with 401, a sold-out product (409).</summary>
    ExpectedRefusal,

    /// <summary>503 with the problem code service_unavailable: the API's own answer while a dependency is down.</summary>
    ServiceUnavailable,

    /// <summary>HAProxy's own answer (its 503 service_unavailable problem): a node died under the request, or no node was up.</summary>
    ProxyError,

    /// <summary>No HTTP answer at all.</summary>
    ConnectionError,

    /// <summary>Anything else, a 500 above all: a bug.</summary>
    Unexpected,
}
