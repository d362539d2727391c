using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using BotTriage.Core.Triage;

namespace BotTriage.Bot.Schema;

/// <summary>
/// Reads and writes an <see cref="Answer"/> of the stored state, which is read and written on every turn (a finished
/// triage holds some thirty answers). The generated contract builds the init-only record through an argument array,
/// boxing every value, and needs a serializer state per answer when <see cref="OrdinalAnswersConverter"/> reads the
/// answers one by one; this reads each property straight into a local. The JSON is the contract's: camelCase names in
/// declaration order, nulls omitted, enums by name, body locations as <c>{"code":..,"side":..}</c>; the defaults
/// <c>"approximate":false</c> and <c>"locations":[]</c>, which nearly every answer has, are left out (the state of a
/// finished triage is a quarter smaller). Reading accepts any casing of the names, enum numbers, unknown properties
/// and the defaults written out, as earlier versions stored them.
/// </summary>
public sealed class AnswerJsonConverter : JsonConverter<Answer>
{
    public override Answer Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        Expect(ref reader, JsonTokenType.StartObject, "An answer");
        AnswerKind? kind = null;
        var evidence = "";
        YesNo? yesNo = null;
        string? choice = null;
        double? number = null;
        long? seconds = null;
        var approximate = false;
        ImmutableList<BodyLocation> locations = [];
        string? text = null;
        while (Next(ref reader) == JsonTokenType.PropertyName)
        {
            var property = Property(ref reader);
            Next(ref reader);
            var isNull = reader.TokenType == JsonTokenType.Null;
            switch (property)
            {
                case Name.Kind:
                    kind = ReadEnum<AnswerKind>(ref reader);
                    break;
                case Name.Evidence:
                    evidence = reader.GetString() ?? "";
                    break;
                case Name.YesNo:
                    yesNo = isNull ? null : ReadEnum<YesNo>(ref reader);
                    break;
                case Name.Choice:
                    choice = reader.GetString();
                    break;
                case Name.Number:
                    number = isNull ? null : reader.GetDouble();
                    break;
                case Name.Seconds:
                    seconds = isNull ? null : reader.GetInt64();
                    break;
                case Name.Approximate:
                    approximate = reader.GetBoolean();
                    break;
                case Name.Locations:
                    locations = isNull ? [] : ReadLocations(ref reader);
                    break;
                case Name.Text:
                    text = reader.GetString();
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        Expect(ref reader, JsonTokenType.EndObject, "An answer");
        return new Answer
        {
            Kind = kind ?? throw new JsonException("An answer has no kind."),
            Evidence = evidence,
            YesNo = yesNo,
            Choice = choice,
            Number = number,
            Seconds = seconds,
            Approximate = approximate,
            Locations = locations,
            Text = text,
        };
    }

    public override void Write(Utf8JsonWriter writer, Answer value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStartObject();
        writer.WriteString("kind"u8, EnumNames<AnswerKind>.Of(value.Kind));
        if (value.Evidence is not null)
        {
            writer.WriteString("evidence"u8, value.Evidence);
        }

        if (value.YesNo is { } yesNo)
        {
            writer.WriteString("yesNo"u8, EnumNames<YesNo>.Of(yesNo));
        }

        if (value.Choice is not null)
        {
            writer.WriteString("choice"u8, value.Choice);
        }

        if (value.Number is { } number)
        {
            writer.WriteNumber("number"u8, number);
        }

        if (value.Seconds is { } seconds)
        {
            writer.WriteNumber("seconds"u8, seconds);
        }

        if (value.Approximate)
        {
            writer.WriteBoolean("approximate"u8, true);
        }

        if (value.Locations is { IsEmpty: false } locations)
        {
            writer.WriteStartArray("locations"u8);
            foreach (var location in locations)
            {
                writer.WriteStartObject();
                if (location.Code is not null)
                {
                    writer.WriteString("code"u8, location.Code);
                }

                writer.WriteString("side"u8, EnumNames<BodySide>.Of(location.Side));
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        if (value.Text is not null)
        {
            writer.WriteString("text"u8, value.Text);
        }

        writer.WriteEndObject();
    }

    private enum Name
    {
        Unknown,
        Kind,
        Evidence,
        YesNo,
        Choice,
        Number,
        Seconds,
        Approximate,
        Locations,
        Text,
        Code,
        Side,
    }

    private static ImmutableList<BodyLocation> ReadLocations(ref Utf8JsonReader reader)
    {
        Expect(ref reader, JsonTokenType.StartArray, "An answer's locations");
        if (Next(ref reader) == JsonTokenType.EndArray)
        {
            return [];
        }

        var locations = ImmutableList.CreateBuilder<BodyLocation>();
        do
        {
            Expect(ref reader, JsonTokenType.StartObject, "A body location");
            string? code = null;
            var side = BodySide.Unspecified;
            while (Next(ref reader) == JsonTokenType.PropertyName)
            {
                var property = Property(ref reader);
                Next(ref reader);
                switch (property)
                {
                    case Name.Code:
                        code = reader.GetString();
                        break;
                    case Name.Side when reader.TokenType != JsonTokenType.Null:
                        side = ReadEnum<BodySide>(ref reader);
                        break;
                    default:
                        reader.Skip();
                        break;
                }
            }

            Expect(ref reader, JsonTokenType.EndObject, "A body location");
            locations.Add(new BodyLocation(code ?? throw new JsonException("A body location has no code."), side));
        }
        while (Next(ref reader) != JsonTokenType.EndArray);

        return locations.ToImmutable();
    }

    private static JsonTokenType Next(ref Utf8JsonReader reader) =>
        reader.Read() ? reader.TokenType : throw new JsonException("The stored answers end too early.");

    private static void Expect(ref Utf8JsonReader reader, JsonTokenType expected, string what)
    {
        if (reader.TokenType != expected)
        {
            throw new JsonException($"{what} is not valid JSON of its kind: found {reader.TokenType} where {expected} belongs.");
        }
    }

    // Stored state is written in camelCase: those names are matched byte for byte, anything else ignoring case.
    private static Name Property(ref Utf8JsonReader reader)
    {
        if (reader.ValueTextEquals("kind"u8)) return Name.Kind;
        if (reader.ValueTextEquals("evidence"u8)) return Name.Evidence;
        if (reader.ValueTextEquals("yesNo"u8)) return Name.YesNo;
        if (reader.ValueTextEquals("choice"u8)) return Name.Choice;
        if (reader.ValueTextEquals("number"u8)) return Name.Number;
        if (reader.ValueTextEquals("seconds"u8)) return Name.Seconds;
        if (reader.ValueTextEquals("approximate"u8)) return Name.Approximate;
        if (reader.ValueTextEquals("locations"u8)) return Name.Locations;
        if (reader.ValueTextEquals("text"u8)) return Name.Text;
        if (reader.ValueTextEquals("code"u8)) return Name.Code;
        if (reader.ValueTextEquals("side"u8)) return Name.Side;
        return Enum.TryParse<Name>(reader.GetString(), ignoreCase: true, out var name) && name != Name.Unknown ? name : Name.Unknown;
    }

    private static T ReadEnum<T>(ref Utf8JsonReader reader)
        where T : struct, Enum
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            foreach (var (utf8, value) in EnumNames<T>.All)
            {
                if (reader.ValueTextEquals(utf8))
                {
                    return value;
                }
            }

            var name = reader.GetString();
            if (name is { Length: > 0 } && char.IsAsciiLetter(name[0]) && Enum.TryParse<T>(name, ignoreCase: true, out var named))
            {
                return named;
            }
        }
        else if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var number) && Enum.IsDefined(typeof(T), number))
        {
            return (T)Enum.ToObject(typeof(T), number);
        }

        throw new JsonException($"Not a {typeof(T).Name}.");
    }

    private static class EnumNames<T>
        where T : struct, Enum
    {
        public static readonly (byte[] Utf8, T Value)[] All = [.. Enum.GetValues<T>().Select(v => (Encoding.UTF8.GetBytes(v.ToString()), v))];

        public static ReadOnlySpan<byte> Of(T value)
        {
            foreach (var (utf8, known) in All)
            {
                if (EqualityComparer<T>.Default.Equals(known, value))
                {
                    return utf8;
                }
            }

            throw new JsonException($"{value} is not a {typeof(T).Name} the stored state knows.");
        }
    }
}
