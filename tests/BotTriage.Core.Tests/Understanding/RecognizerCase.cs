using System.Text.Json;

namespace BotTriage.Core.Tests.Understanding;

/// <summary>One line of a case file: an utterance, the day it is said, and the entities of the file's type it must give.</summary>
internal sealed record RecognizerCase(string Culture, string Type, string Text, DateOnly Today, IReadOnlyList<JsonElement> Expected);
