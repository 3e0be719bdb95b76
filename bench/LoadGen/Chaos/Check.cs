namespace ShopEase.LoadGen.Chaos;

/// <summary>One check of the chaos run's aftermath: what it asks, whether it held, and what it found.</summary>
internal sealed record Check(string Name, bool Passed, string Found);
