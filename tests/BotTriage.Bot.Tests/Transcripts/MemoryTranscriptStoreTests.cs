using BotTriage.Bot.Transcripts;
using Microsoft.Extensions.Logging.Abstractions;

namespace BotTriage.Bot.Tests.Transcripts;

public sealed class MemoryTranscriptStoreTests : TranscriptStoreContractTests
{
    protected override ITranscriptStore CreateStore(TimeProvider clock) =>
        new MemoryTranscriptStore(clock, NullLogger<MemoryTranscriptStore>.Instance);
}
