using BotTriage.Core.Dialogs;

namespace BotTriage.Bot.Tests.Fakes;

/// <summary>The dialogs the bot ships with, loaded once for every test that needs their texts.</summary>
public static class ShippedDialogs
{
    private static readonly Lazy<DialogSet> Loaded = new(() => DialogLoader.LoadDirectory(DialogPaths.Default));

    public static DialogSet Value => Loaded.Value;
}
