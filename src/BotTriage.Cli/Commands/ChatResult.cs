using BotTriage.Core.Triage;

namespace BotTriage.Cli.Commands;

/// <summary>The <c>bottriage chat --json</c> contract: the outcome and the whole transcript.</summary>
public sealed record ChatResult(TriageOutcome Outcome, IReadOnlyList<ChatLine> Transcript);
