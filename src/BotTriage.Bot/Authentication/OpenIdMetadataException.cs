namespace BotTriage.Bot.Authentication;

/// <summary>The OpenID metadata or key set could not be fetched or read; the message names the URL, never a token.</summary>
public sealed class OpenIdMetadataException : Exception
{
    public OpenIdMetadataException()
    {
    }

    public OpenIdMetadataException(string message)
        : base(message)
    {
    }

    public OpenIdMetadataException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
