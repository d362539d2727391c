using BotTriage.Core.Understanding;

namespace BotTriage.Core.Triage;

/// <summary>What the recognizers found in one message, with typed accessors for the engine.</summary>
internal sealed class Interpretation(IReadOnlyList<ModelResult> entities)
{
    public IReadOnlyList<ModelResult> Entities { get; } = entities;

    public ModelResult? Emergency => Entities.FirstOrDefault(e => e.Resolution is EmergencyResolution);

    public IEnumerable<(ModelResult Entity, T Resolution)> All<T>()
        where T : EntityResolution
    {
        foreach (var entity in Entities)
        {
            if (entity.Resolution is T resolution)
            {
                yield return (entity, resolution);
            }
        }
    }

    public (ModelResult Entity, T Resolution)? First<T>()
        where T : EntityResolution
    {
        foreach (var pair in All<T>())
        {
            return pair;
        }

        return null;
    }
}
