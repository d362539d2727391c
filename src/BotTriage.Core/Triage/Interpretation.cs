using BotTriage.Core.Understanding;

namespace BotTriage.Core.Triage;

/// <summary>
/// What the recognizers found in one message, with typed accessors for the engine. The engine asks it many times a
/// turn, so the accessors walk the few entities directly instead of building iterators and delegates.
/// </summary>
internal sealed class Interpretation(string text, string culture, IReadOnlyList<ModelResult> entities)
{
    /// <summary>The message as the person wrote it, which the entities' positions point into.</summary>
    public string Text { get; } = text;

    /// <summary>The language the message was read in: the conversation's, or the other one for a message that is rather that.</summary>
    public string Culture { get; } = culture;

    public IReadOnlyList<ModelResult> Entities { get; } = entities;

    /// <summary>Whether the message was read as told on behalf of someone else, the conversation's subject.</summary>
    public bool OnBehalf { get; init; }

    /// <summary>
    /// The message's first medical emergency, else its first of another kind: "ik wil dood en heb al mijn pillen
    /// geslikt" needs 112 before anything else.
    /// </summary>
    public ModelResult? Emergency
    {
        get
        {
            ModelResult? first = null;
            for (var i = 0; i < Entities.Count; i++)
            {
                if (Entities[i].Resolution is EmergencyResolution emergency)
                {
                    if (emergency.Category == EmergencyCategory.Medical)
                    {
                        return Entities[i];
                    }

                    first ??= Entities[i];
                }
            }

            return first;
        }
    }

    /// <summary>Every entity resolved as <typeparamref name="T"/>, in order; a <c>foreach</c> over it allocates nothing.</summary>
    public Matches<T> All<T>()
        where T : EntityResolution => new(Entities);

    public (ModelResult Entity, T Resolution)? First<T>()
        where T : EntityResolution
    {
        for (var i = 0; i < Entities.Count; i++)
        {
            if (Entities[i].Resolution is T resolution)
            {
                return (Entities[i], resolution);
            }
        }

        return null;
    }

    /// <summary>
    /// The first affirmed mention of the red-flag lexicon code <paramref name="code"/>, else the first negated one: in
    /// "geen koorts maar wel koude rillingen" the chills tell of fever, whatever was denied before them.
    /// </summary>
    public (ModelResult Entity, RedFlagResolution Resolution)? RedFlag(string code)
    {
        (ModelResult Entity, RedFlagResolution Resolution)? denied = null;
        for (var i = 0; i < Entities.Count; i++)
        {
            if (Entities[i].Resolution is RedFlagResolution flag && flag.Code == code)
            {
                if (!flag.Negated)
                {
                    return (Entities[i], flag);
                }

                denied ??= (Entities[i], flag);
            }
        }

        return denied;
    }

    /// <summary>The entities of one resolution type, enumerated without allocating.</summary>
    public readonly struct Matches<T>(IReadOnlyList<ModelResult> entities)
        where T : EntityResolution
    {
        public Enumerator GetEnumerator() => new(entities);

        public struct Enumerator(IReadOnlyList<ModelResult> entities)
        {
            private int _index = -1;

            public (ModelResult Entity, T Resolution) Current { get; private set; }

            public bool MoveNext()
            {
                while (++_index < entities.Count)
                {
                    if (entities[_index].Resolution is T resolution)
                    {
                        Current = (entities[_index], resolution);
                        return true;
                    }
                }

                return false;
            }
        }
    }
}
