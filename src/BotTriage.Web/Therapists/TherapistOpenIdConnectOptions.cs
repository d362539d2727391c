namespace BotTriage.Web.Therapists;

/// <summary>
/// The <c>Therapists:OpenIdConnect</c> section: the provider (for Entra ID
/// <c>https://login.microsoftonline.com/{tenant}/v2.0</c>), the app registration's client id and secret, the
/// redirect path, and which values of the id token's <c>roles</c> claim grant the workspace roles.
/// </summary>
public sealed class TherapistOpenIdConnectOptions
{
    public const string DefaultCallbackPath = "/therapists/signin-oidc";

    /// <summary>The issuer whose <c>/.well-known/openid-configuration</c> is read; empty turns the sign-in off.</summary>
    public string Authority { get; set; } = "";

    public string ClientId { get; set; } = "";

    /// <summary>The app registration's client secret; set it from the environment, never in a committed file.</summary>
    public string ClientSecret { get; set; } = "";

    /// <summary>The redirect URI's path, registered with the provider as <c>https://{host}{CallbackPath}</c>; empty means the default.</summary>
    public string CallbackPath
    {
        get;
        set => field = string.IsNullOrWhiteSpace(value) ? DefaultCallbackPath : value;
    } = DefaultCallbackPath;

    /// <summary>The app role values that map to <c>therapist</c> and <c>admin</c>.</summary>
    public TherapistRoleClaimValues RoleClaimValues { get; set; } = new();

    public bool IsEnabled => !string.IsNullOrWhiteSpace(Authority);
}

/// <summary>App role values (the id token's <c>roles</c> claim) for each workspace role; empty means the role's own name.</summary>
public sealed class TherapistRoleClaimValues
{
    public string Therapist
    {
        get;
        set => field = string.IsNullOrWhiteSpace(value) ? TherapistRoles.Therapist : value;
    } = TherapistRoles.Therapist;

    public string Admin
    {
        get;
        set => field = string.IsNullOrWhiteSpace(value) ? TherapistRoles.Admin : value;
    } = TherapistRoles.Admin;
}
