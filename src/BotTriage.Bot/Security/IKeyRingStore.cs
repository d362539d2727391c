namespace BotTriage.Bot.Security;

/// <summary>
/// The web host's data-protection key ring (the keys behind the therapist workspace's login and antiforgery cookies
/// and the OpenID Connect sign-in state), kept in the database the conversations are kept in, so every instance on
/// that database protects and reads cookies with the same keys, and a restart keeps them.
/// </summary>
/// <remarks>
/// Synchronous, as ASP.NET Core's key repository is: it is read when a host loads its key ring (at the first protected
/// cookie, then about once a day) and written when a key is created (every 90 days) or revoked.
/// </remarks>
public interface IKeyRingStore
{
    /// <summary>Every stored element as XML text, in the order they were stored.</summary>
    IReadOnlyList<string> GetAll();

    /// <summary>Stores one element (a key or a revocation) under its friendly name, which may be empty and need not be unique.</summary>
    void Store(string name, string xml);
}
