using System.ComponentModel.DataAnnotations;

namespace BotTriage.Web.Chat;

/// <summary>The <c>Practice</c> section: how the chat page looks (name, colours, logo) and which sites may embed it.</summary>
public sealed class PracticeOptions
{
    public const string SectionName = "Practice";

    [Required]
    [StringLength(100, MinimumLength = 1)]
    public string Name { get; set; } = "Praktijk voor Massage en Manuele Therapie";

    /// <summary>The header and the visitor's bubbles, as <c>#rrggbb</c>.</summary>
    [RegularExpression("^#[0-9a-fA-F]{6}$")]
    public string PrimaryColor { get; set; } = "#2f6f62";

    /// <summary>Buttons and links, as <c>#rrggbb</c>.</summary>
    [RegularExpression("^#[0-9a-fA-F]{6}$")]
    public string AccentColor { get; set; } = "#c8553d";

    /// <summary>A path on this site (<c>/logo.svg</c>) or an https address; empty for no logo.</summary>
    [RegularExpression("^(|/[^/].*|https://.+)$")]
    public string? LogoUrl { get; set; } = "/logo.svg";

    /// <summary>Origins (<c>https://www.praktijk.nl</c>) whose pages may show the chat in a frame through <c>/embed.js</c>.</summary>
    public List<string> EmbedOrigins { get; init; } = [];
}
