namespace ShopEase.LoadGen.Chaos;

/// <summary>One request sent during the chaos run and how it ended.</summary>
internal readonly record struct Attempt(long UnixMs, string Route, Outcome Outcome, int Status);
