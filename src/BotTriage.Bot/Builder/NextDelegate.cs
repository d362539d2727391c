using System.Diagnostics.CodeAnalysis;

namespace BotTriage.Bot.Builder;

/// <summary>Runs the rest of the pipeline after a middleware.</summary>
[SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix", Justification = "The SDK's name; keeping it makes the swap to Microsoft.Bot.Builder a namespace change.")]
public delegate Task NextDelegate(CancellationToken cancellationToken);
