using ShopEase.LoadGen;
using ShopEase.LoadGen.Chaos;

if (args.Length > 0 && args[0] == "chaos")
{
    ChaosOptions chaos;
    try
    {
        chaos = ChaosOptions.Parse(args[1..]);
    }
    catch (Exception ex) when (ex is ArgumentException or FormatException)
    {
        await Console.Error.WriteLineAsync($"error: {ex.Message}\n\n{ChaosOptions.Usage}");
        return 2;
    }

    return await new ChaosRun(chaos).RunAsync();
}

BenchOptions options;
try
{
    options = BenchOptions.Parse(args);
}
catch (Exception ex) when (ex is ArgumentException or FormatException)
{
    await Console.Error.WriteLineAsync($"error: {ex.Message}\n\n{BenchOptions.Usage}");
    return 2;
}

return await new BenchmarkRun(options).RunAsync();
