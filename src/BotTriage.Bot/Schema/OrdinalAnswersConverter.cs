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
    public override ImmutableSortedDictionary<string, Answer> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"Expected the answers as an object, found {reader.TokenType}.");
        }

        var answerInfo = AnswerInfo(options);
        var answers = ImmutableSortedDictionary.CreateBuilder<string, Answer>(StringComparer.Ordinal);
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var key = reader.GetString()!;
            reader.Read();
            // As the generated dictionary code did: a key given twice keeps its last answer.
            answers[key] = JsonSerializer.Deserialize(ref reader, answerInfo) ?? throw new JsonException($"The answer to '{key}' is null.");
        }

        return answers.Count == 0 ? TriageState.NoAnswers : answers.ToImmutable();
    }

    public override void Write(Utf8JsonWriter writer, ImmutableSortedDictionary<string, Answer> value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        var answerInfo = AnswerInfo(options);
        writer.WriteStartObject();
        foreach (var (key, answer) in value)
        {
            writer.WritePropertyName(key);
            JsonSerializer.Serialize(writer, answer, answerInfo);
        }

        writer.WriteEndObject();
    }

    private static JsonTypeInfo<Answer> AnswerInfo(JsonSerializerOptions options) => (JsonTypeInfo<Answer>)options.GetTypeInfo(typeof(Answer));
}
