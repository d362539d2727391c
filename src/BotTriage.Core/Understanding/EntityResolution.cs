using System.Text.Json;

namespace BotTriage.Core.Understanding;

/// <summary>The resolved value of a <see cref="ModelResult"/>; one sealed record per entity type.</summary>
public abstract record EntityResolution
{
    private protected EntityResolution()
    {
    }

    /// <summary>The entity type name, one of <see cref="EntityTypes"/>.</summary>
    public abstract string TypeName { get; }

    /// <summary>Writes <c>"value"</c> and the type's extra properties into the entity's JSON object.</summary>
    public abstract void WriteValue(Utf8JsonWriter writer);
}
