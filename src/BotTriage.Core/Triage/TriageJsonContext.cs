using System.Text.Json.Serialization;

namespace BotTriage.Core.Triage;

/// <summary>
/// The JSON shape of the triage state and outcome: camelCase, enums as strings, nulls omitted. Source-generated, so
/// storing the state every turn costs no reflection.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UseStringEnumConverter = true,
    PropertyNameCaseInsensitive = true)]
[JsonSerializable(typeof(TriageState))]
[JsonSerializable(typeof(TriageOutcome))]
public sealed partial class TriageJsonContext : JsonSerializerContext;
