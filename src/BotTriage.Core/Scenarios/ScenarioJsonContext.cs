using System.Text.Json.Serialization;

namespace BotTriage.Core.Scenarios;

/// <summary>Source-generated JSON for the few shapes the scenario code builds itself.</summary>
[JsonSerializable(typeof(string[]))]
[JsonSerializable(typeof(bool))]
[JsonSerializable(typeof(double))]
[JsonSerializable(typeof(string))]
internal sealed partial class ScenarioJsonContext : JsonSerializerContext;
