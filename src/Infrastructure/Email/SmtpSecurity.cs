namespace ShopEase.Infrastructure.Email;

/// <summary><c>Email:Smtp:Security</c>: how the connection to the mail server is protected.</summary>
public enum SmtpSecurity
{
    /// <summary>Plain SMTP, never encrypted: only for a server on the same machine, like the local inbox.</summary>
    None,

    /// <summary>Plain connect, then STARTTLS, which is required (usually port 587).</summary>
    StartTls,

    /// <summary>TLS from the first byte (usually port 465).</summary>
    SslOnConnect,
}
