using System.Text.Json;

namespace BotTriage.Core.Scenarios;

/// <summary>One expected field of the outcome, as contract JSON, and the line of the script that gives it.</summary>
public sealed record ExpectedValue(JsonElement Value, int Line);
