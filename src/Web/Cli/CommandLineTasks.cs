using Mediator;
using Microsoft.EntityFrameworkCore;
using ShopEase.Application.Auth.Commands.CreateStaffUser;
using ShopEase.Application.Common.Exceptions;
using ShopEase.Infrastructure.Persistence;

namespace ShopEase.Web.Cli;

/// <summary>
/// Operator tasks run instead of the server: <c>migrate</c> applies the EF Core migrations;
/// <c>create-admin --email X</c> makes a staff account with a password read from standard input
/// (or a prompt), never from an argument.
/// </summary>
public static class CommandLineTasks
{
    public static bool IsTask(string[] args) => args.Length > 0 && args[0] is "migrate" or "create-admin";

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        return args[0] switch
        {
            "migrate" => await MigrateAsync(services),
            _ => await CreateAdminAsync(services, args),
        };
    }

    private static async Task<int> MigrateAsync(IServiceProvider services)
    {
        await services.GetRequiredService<ShopEaseDbContext>().Database.MigrateAsync();
        await Console.Out.WriteLineAsync("Database is up to date.");
        return 0;
    }

    private static async Task<int> CreateAdminAsync(IServiceProvider services, string[] args)
    {
        var emailAt = Array.IndexOf(args, "--email");
        if (emailAt < 0 || emailAt + 1 >= args.Length)
        {
            await Console.Error.WriteLineAsync("Usage: create-admin --email <email>   (the password is read from standard input)");
            return 2;
        }

        var password = ReadPassword();
        try
        {
            var admin = await services.GetRequiredService<ISender>().Send(new CreateStaffUserCommand(args[emailAt + 1], password));
            await Console.Out.WriteLineAsync($"Created staff account {admin.Email} ({admin.Id}).");
            return 0;
        }
        catch (ValidationFailedException ex)
        {
            foreach (var (field, messages) in ex.Errors)
            {
                await Console.Error.WriteLineAsync($"{field}: {string.Join(" ", messages)}");
            }

            return 1;
        }
    }

    private static string ReadPassword()
    {
        if (Console.IsInputRedirected)
        {
            return Console.In.ReadLine() ?? string.Empty;
        }

        Console.Write("Password: ");
        var password = new System.Text.StringBuilder();
        for (var key = Console.ReadKey(intercept: true); key.Key != ConsoleKey.Enter; key = Console.ReadKey(intercept: true))
        {
            if (key.Key == ConsoleKey.Backspace)
            {
                password.Length = Math.Max(0, password.Length - 1);
            }
            else if (!char.IsControl(key.KeyChar))
            {
                password.Append(key.KeyChar);
            }
        }

        Console.WriteLine();
        return password.ToString();
    }
}
