using System.Text.Json;

namespace BotTriage.Web.Tests.Support;

/// <summary>One activity the fake connector received: where it was posted, with which Authorization, and the JSON.</summary>
public sealed record ReceivedActivity(string Path, string Authorization, JsonElement Activity);
