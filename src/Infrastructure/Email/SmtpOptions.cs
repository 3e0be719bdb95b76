namespace ShopEase.Infrastructure.Email;

/// <summary>Section <c>Email:Smtp</c>: the mail server that account mail is handed to.</summary>
public sealed class SmtpOptions
{
    /// <summary>Empty: nothing is sent, and mail waits in the outbox until a server is configured.</summary>
    public string Host { get; set; } = string.Empty;

    public int Port { get; set; } = 587;

    public SmtpSecurity Security { get; set; } = SmtpSecurity.StartTls;

    /// <summary>Empty: no authentication.</summary>
    public string Username { get; set; } = string.Empty;

    public string Password { get; set; } = string.Empty;

    /// <summary>The most any one step (connect, authenticate, send) may take.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}
