using ShopEase.LoadGen;

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
