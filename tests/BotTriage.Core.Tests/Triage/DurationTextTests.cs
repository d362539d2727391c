using BotTriage.Core.Dialogs;
using BotTriage.Core.Triage;

namespace BotTriage.Core.Tests.Triage;

public class DurationTextTests
{
    private static readonly TextCatalog Texts = DialogLoader.LoadDirectory(DialogPaths.Default).Texts;

    [Theory]
    [InlineData(8 * 7, false, "8 weken")]
    [InlineData(6 * 7, true, "ongeveer 6 weken")]
    [InlineData(12 * 7, false, "12 weken")]
    [InlineData(13 * 7, false, "3 maanden")]
    [InlineData(45, false, "1,5 maanden")]
    [InlineData(10, false, "1,5 weken")]
    [InlineData(3, false, "3 dagen")]
    [InlineData(730, true, "ongeveer 2 jaar")]
    public void SaysWholeWeeksUpToTwelveInWeeksAndAnythingElseInTheLargestUnitItReaches(int days, bool approximate, string expected)
    {
        Assert.Equal(expected, DurationText.Format(days * 86_400L, approximate, "nl", Texts));
    }

    [Fact]
    public void SaysWeeksInEnglish()
    {
        Assert.Equal("about 9 weeks", DurationText.Format(9 * 604_800L, true, "en", Texts));
    }
}
