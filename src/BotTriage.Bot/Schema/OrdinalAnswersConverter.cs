using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using BotTriage.Core.Triage;

namespace BotTriage.Bot.Schema;

/// <summary>
/// Reads and writes <see cref="TriageState.Answers"/> as the JSON object it has always been stored as (question id to
/// answer, in key order), reading it straight into a dictionary keyed ordinally. The generated code would go through a
/// <see cref="Dictionary{TKey, TValue}"/> and a <see cref="SortedDictionary{TKey, TValue}"/> with the culture's
/// comparer on every state load.
/// </summary>
public sealed class OrdinalAnswersConverter : JsonConverter<ImmutableSortedDictionary<string, Answer>>
{
    private KnownOptions? _known;

    public override ImmutableSortedDictionary<string, Answer> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"Expected the answers as an object, found {reader.TokenType}.");
        }

        var answer = Known(options).Converter;
        var answers = ImmutableSortedDictionary.CreateBuilder<string, Answer>(StringComparer.Ordinal);
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var key = reader.GetString()!;
            reader.Read();
            // As the generated dictionary code did: a key given twice keeps its last answer.
            answers[key] = answer.Read(ref reader, typeof(Answer), options) ?? throw new JsonException($"The answer to '{key}' is null.");
        }

        return answers.Count == 0 ? TriageState.NoAnswers : answers.ToImmutable();
    }

    public override void Write(Utf8JsonWriter writer, ImmutableSortedDictionary<string, Answer> value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        var known = Known(options);
        writer.WriteStartObject();
        foreach (var (key, answer) in value)
        {
            writer.WritePropertyName(key);
            if (known.FastWrite is { } write)
            {
                write(writer, answer);
            }
            else
            {
                known.Converter.Write(writer, answer, options);
            }
        }

        writer.WriteEndObject();
    }

    /// <summary>
    /// How answers are read and written with the options in use, worked out once for those options. Each answer goes
    /// straight through the converter of its generated metadata: <see cref="JsonSerializer"/>'s entry points would set
    /// up a serializer state and scope the reader anew for every answer. With the context's own options, answers are
    /// written by the generated fast path, as the generated code for the whole state did; other options may change
    /// what that path assumes, so they go through the converter.
    /// </summary>
    private KnownOptions Known(JsonSerializerOptions options)
    {
        var known = _known;
        if (known is null || !ReferenceEquals(known.Options, options))
        {
            var info = (JsonTypeInfo<Answer>)options.GetTypeInfo(typeof(Answer));
            var fast = ReferenceEquals(options, BotJsonContext.Default.Options) ? info.SerializeHandler : null;
            known = new KnownOptions(options, (JsonConverter<Answer>)info.Converter, fast);
            _known = known;
        }

        return known;
    }

    private sealed record KnownOptions(JsonSerializerOptions Options, JsonConverter<Answer> Converter, Action<Utf8JsonWriter, Answer>? FastWrite);
}
