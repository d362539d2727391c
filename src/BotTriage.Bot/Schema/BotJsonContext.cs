using System.Text.Json;
using System.Text.Json.Serialization;
using BotTriage.Bot.State;
using BotTriage.Core.Triage;

namespace BotTriage.Bot.Schema;

/// <summary>
/// The one set of JSON options for the wire and for stored state, source-generated so the hot path does no reflection:
/// camelCase out, any casing in, nulls omitted.
/// </summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    PropertyNameCaseInsensitive = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UseStringEnumConverter = true,
    Converters = [typeof(OrdinalAnswersConverter), typeof(AnswerJsonConverter)])]
[JsonSerializable(typeof(Activity))]
[JsonSerializable(typeof(ExpectedReplies))]
[JsonSerializable(typeof(ResourceResponse))]
[JsonSerializable(typeof(InvokeResponse))]
[JsonSerializable(typeof(ConversationReference))]
[JsonSerializable(typeof(TriageState))]
[JsonSerializable(typeof(TriageOutcome))]
[JsonSerializable(typeof(UserProfile))]
[JsonSerializable(typeof(string))]
public sealed partial class BotJsonContext : JsonSerializerContext
{
}
