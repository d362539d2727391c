using System.Globalization;
using BotTriage.Core.Understanding;

namespace BotTriage.Core.Tests.Understanding;

public sealed class LexiconLoaderTests : IDisposable
{
    private readonly string _directory;

    public LexiconLoaderTests()
    {
        _directory = Path.Combine(Path.GetTempPath(), "bottriage-lexicons-" + Guid.NewGuid().ToString("N"));
        foreach (var file in Directory.GetFiles(SharedRecognizer.LexiconDirectory, "*.yaml", SearchOption.AllDirectories))
        {
            var target = Path.Combine(_directory, Path.GetRelativePath(SharedRecognizer.LexiconDirectory, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void LoadsTheShippedLexiconsForDutchAndEnglish()
    {
        var lexicons = LexiconSet.Load(SharedRecognizer.LexiconDirectory);

        Assert.Equal(["en", "nl"], lexicons.Languages.Order(StringComparer.Ordinal));
        Assert.True(lexicons.Supports("nl-NL"));
        Assert.True(lexicons.Supports("en-US"));
        Assert.False(lexicons.Supports("de"));
        Assert.Equal(EmergencyCategory.Suicide, lexicons.EmergencyCategories["suicidal"]);
        Assert.Equal(EmergencyCategory.Medical, lexicons.EmergencyCategories["urinary-retention"]);
    }

    [Fact]
    public void ReportsADuplicateCodeWithItsLine()
    {
        var line = Append("nl/red-flags.yaml", "  fever: [koortsje]");

        var errors = LoadErrors();

        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"nl/red-flags.yaml:{line}: duplicate code 'fever' (first on line {LineOf("nl/red-flags.yaml", "  fever: [")})"), errors);
    }

    [Fact]
    public void ReportsAnUnknownCodeWithItsLine()
    {
        var line = Append("en/body-locations.yaml", "  left-pinky: [pinky]");

        var errors = LoadErrors();

        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"en/body-locations.yaml:{line}: unknown code 'left-pinky' (not in codes.yaml)"), errors);
    }

    [Fact]
    public void ReportsACodePresentInDutchButMissingInEnglish()
    {
        var dutchLine = LineOf("nl/red-flags.yaml", "  fever: [");
        RemoveLine("en/red-flags.yaml", "  fever: [");

        var errors = LoadErrors();

        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"en/red-flags.yaml:{LineOf("en/red-flags.yaml", "flags:")}: code 'fever' is missing (nl/red-flags.yaml:{dutchLine} has it)"), errors);
    }

    [Fact]
    public void ReportsMalformedYamlWithItsLine()
    {
        File.WriteAllText(Path.Combine(_directory, "nl", "yes-no.yaml"), "yes: [ja, klopt]\nno: [nee\nunknown: [geen idee]\n");

        var errors = LoadErrors();

        Assert.Contains("nl/yes-no.yaml:2: malformed YAML: the file ends inside an unclosed list, mapping or quote", errors);
    }

    [Fact]
    public void ReportsMalformedYamlInTheMiddleOfAFileWithItsLine()
    {
        File.WriteAllText(Path.Combine(_directory, "nl", "yes-no.yaml"), "yes: [ja, klopt]\nno: nee: hoor\nunknown: [geen idee]\n");

        var errors = LoadErrors();

        Assert.Contains(errors, e => e.StartsWith("nl/yes-no.yaml:2: malformed YAML: ", StringComparison.Ordinal));
    }

    [Fact]
    public void ReportsADuplicateCodeInEmergencies()
    {
        var line = Append("nl/emergencies.yaml", "  collapse: [flauwgevallen]");

        var errors = LoadErrors();

        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"nl/emergencies.yaml:{line}: duplicate code 'collapse' (first on line {LineOf("nl/emergencies.yaml", "  collapse:")})"), errors);
    }

    [Fact]
    public void ReportsAPhraseListedForTwoCodes()
    {
        var path = Path.Combine(_directory, "en", "red-flags.yaml");
        File.WriteAllText(path, File.ReadAllText(path).Replace("  osteoporosis: [osteoporosis,", "  osteoporosis: [fever, osteoporosis,", StringComparison.Ordinal));

        var errors = LoadErrors();

        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"en/red-flags.yaml:{LineOf("en/red-flags.yaml", "  fever: [")}: duplicate red flag 'fever' (already for 'osteoporosis')"), errors);
    }

    [Fact]
    public void ReportsATimedWordWithAnUnknownCodeOrNoWeeks()
    {
        var path = Path.Combine(_directory, "nl", "red-flags.yaml");
        File.WriteAllText(path, File.ReadAllText(path)
            .Replace("  recent-surgery:\n    withinWeeks: 6\n", "  recent-surgery:\n    withinWeeks: 0\n", StringComparison.Ordinal)
            .Replace("timed:\n", "timed:\n  recent-surgeon:\n    withinWeeks: 6\n    words: [chirurg]\n", StringComparison.Ordinal));

        var errors = LoadErrors();

        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"nl/red-flags.yaml:{LineOf("nl/red-flags.yaml", "  recent-surgeon:")}: unknown code 'recent-surgeon' (not in codes.yaml)"), errors);
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"nl/red-flags.yaml:{LineOf("nl/red-flags.yaml", "    withinWeeks: 0")}: withinWeeks must be more than 0"), errors);
    }

    [Theory]
    [InlineData("untimed", "soms")]
    [InlineData("startsComplaint", "ja")]
    public void ReportsATimedWordWhoseTrueOrFalseKeyIsNeither(string key, string value)
    {
        var path = Path.Combine(_directory, "nl", "red-flags.yaml");
        File.WriteAllText(path, File.ReadAllText(path).Replace($"    {key}: true\n", $"    {key}: {value}\n", StringComparison.Ordinal));

        var errors = LoadErrors();

        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"nl/red-flags.yaml:{LineOf("nl/red-flags.yaml", $"    {key}: {value}")}: {key} must be true or false"), errors);
    }

    [Fact]
    public void ReportsAQuestionsWordsWithoutYesOrNoListsAndAWordGivenTwice()
    {
        var path = Path.Combine(_directory, "nl", "yes-no.yaml");
        File.WriteAllText(path, File.ReadAllText(path)
            .Replace("questions:\n", "questions:\n  rf-fever: koorts\n  rf-cancer:\n    ja: [kanker]\n", StringComparison.Ordinal)
            .Replace("    neither: [niet erger,", "    neither: [erger, niet erger,", StringComparison.Ordinal));

        var errors = LoadErrors();

        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"nl/yes-no.yaml:{LineOf("nl/yes-no.yaml", "  rf-fever:")}: question 'rf-fever' must have yes or no words"), errors);
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"nl/yes-no.yaml:{LineOf("nl/yes-no.yaml", "    ja:")}: unknown key 'ja'"), errors);
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"nl/yes-no.yaml:{LineOf("nl/yes-no.yaml", "  rf-cancer:")}: question 'rf-cancer' has no yes or no words"), errors);
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"nl/yes-no.yaml:{LineOf("nl/yes-no.yaml", "    neither: [erger, niet erger,")}: duplicate answer to 'rf-no-improvement' 'erger'"), errors);
    }

    [Fact]
    public void ReportsAPlaceInTheLegThatIsNoBodyLocationOrIsListedTwice()
    {
        var path = Path.Combine(_directory, "codes.yaml");
        File.WriteAllText(path, File.ReadAllText(path).Replace("inTheLeg: [thigh,", "inTheLeg: [elbowz, calf, thigh,", StringComparison.Ordinal));

        var errors = LoadErrors();

        var line = LineOf("codes.yaml", "inTheLeg:");
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"codes.yaml:{line}: inTheLeg code 'elbowz' is no body location"), errors);
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"codes.yaml:{line}: inTheLeg code 'calf' is listed twice"), errors);
    }

    [Fact]
    public void ReportsASlashUnitThatIsNoDenominatorOrNoUnit()
    {
        var path = Path.Combine(_directory, "nl", "durations.yaml");
        File.WriteAllText(path, File.ReadAllText(path).Replace("slashUnits: {52: week, 12: month, 7: day}", "slashUnits:\n  1: week\n  52: weken\n", StringComparison.Ordinal));

        var errors = LoadErrors();

        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"nl/durations.yaml:{LineOf("nl/durations.yaml", "  1: week")}: slash unit '1' must be a whole number of two or more"), errors);
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"nl/durations.yaml:{LineOf("nl/durations.yaml", "  52: weken")}: slash unit 'weken' must be a unit of this file"), errors);
    }

    [Fact]
    public void ReportsAgeWordsUnderAnUnknownKeyOrNone()
    {
        var nl = Path.Combine(_directory, "nl", "numbers.yaml");
        File.WriteAllText(nl, File.ReadAllText(nl).Replace("  after: [jaar,", "  na: [jaar,", StringComparison.Ordinal));
        var en = Path.Combine(_directory, "en", "numbers.yaml");
        var english = File.ReadAllText(en);
        File.WriteAllText(en, english[..english.IndexOf("ages:", StringComparison.Ordinal)] + "ages: []\n");

        var errors = LoadErrors();

        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"nl/numbers.yaml:{LineOf("nl/numbers.yaml", "  na:")}: unknown key 'na'"), errors);
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"en/numbers.yaml:{LineOf("en/numbers.yaml", "ages:")}: ages must be a mapping of before, after, older, younger, between and decade words"), errors);
    }

    [Fact]
    public void ReportsSidedWordsThatAreNoMapping()
    {
        var nl = Path.Combine(_directory, "nl", "words.yaml");
        var dutch = File.ReadAllText(nl);
        var start = dutch.IndexOf("sided:", StringComparison.Ordinal);
        var end = dutch.IndexOf("  words: [arm", start, StringComparison.Ordinal);
        File.WriteAllText(nl, dutch[..start] + "sided: [arm]\n" + dutch[(dutch.IndexOf('\n', end) + 1)..]);

        var errors = LoadErrors();

        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"nl/words.yaml:{LineOf("nl/words.yaml", "sided:")}: sided must be a mapping of prefixes and words"), errors);
    }

    [Fact]
    public void ReportsADecadePartThatIsNoSpanOfYearsAndADecadeThatIsNoRoundNumber()
    {
        var en = Path.Combine(_directory, "en", "numbers.yaml");
        File.WriteAllText(en, File.ReadAllText(en).Replace("late: 7-9", "late: 9-7", StringComparison.Ordinal).Replace("fifties: 50", "fifties: 500", StringComparison.Ordinal));

        var errors = LoadErrors();

        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"en/numbers.yaml:{LineOf("en/numbers.yaml", "  decadeParts:")}: 'late' must be the first and last year of a decade it names, as 7-9"), errors);
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"en/numbers.yaml:{LineOf("en/numbers.yaml", "  decades:")}: 'fifties' must be a whole number from 10 to 90"), errors);
    }

    [Fact]
    public void ReportsSomeoneElsesWordsThatAreNoMappingOrAMultiWordSelf()
    {
        var nl = Path.Combine(_directory, "nl", "red-flags.yaml");
        File.WriteAllText(nl, File.ReadAllText(nl).Replace("  self: [ik, me,", "  self: [ik zelf, ik, me,", StringComparison.Ordinal));
        var en = Path.Combine(_directory, "en", "red-flags.yaml");
        var english = File.ReadAllText(en);
        var start = english.IndexOf("someoneElse:", StringComparison.Ordinal);
        var end = english.IndexOf("\nflags:", StringComparison.Ordinal);
        File.WriteAllText(en, english[..start] + "someoneElse: [my mum]\n" + english[end..]);

        var errors = LoadErrors();

        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"nl/red-flags.yaml:{LineOf("nl/red-flags.yaml", "  self:")}: 'ik zelf' must be a single word or mark"), errors);
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"en/red-flags.yaml:{LineOf("en/red-flags.yaml", "someoneElse:")}: someoneElse must be a mapping of people, self, selfToo, askingFor, reporting, relative and theirs"), errors);
    }

    [Fact]
    public void ReportsATemperatureWithAnUnknownCodeOrAFeverOutsideTheBodysRange()
    {
        var nl = Path.Combine(_directory, "nl", "red-flags.yaml");
        File.WriteAllText(nl, File.ReadAllText(nl).Replace("  code: fever\n  from: 37.5\n", "  code: koorts\n  from: 37.5\n", StringComparison.Ordinal));
        var en = Path.Combine(_directory, "en", "red-flags.yaml");
        File.WriteAllText(en, File.ReadAllText(en).Replace("  from: 37.5\n", "  from: 99.5\n", StringComparison.Ordinal));

        var errors = LoadErrors();

        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"nl/red-flags.yaml:{LineOf("nl/red-flags.yaml", "  code: koorts")}: unknown code 'koorts' (not in codes.yaml)"), errors);
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"en/red-flags.yaml:{LineOf("en/red-flags.yaml", "  from: 99.5")}: from must be 34 to 43 degrees"), errors);
    }

    [Fact]
    public void ReportsAnExplanationForAnUnknownCodeAndOneGivenTwice()
    {
        var path = Path.Combine(_directory, "nl", "red-flags.yaml");
        File.WriteAllText(path, File.ReadAllText(path).Replace("explained:\n", "explained:\n  gewicht: [op dieet]\n  fever: [dieet]\n", StringComparison.Ordinal));

        var errors = LoadErrors();

        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"nl/red-flags.yaml:{LineOf("nl/red-flags.yaml", "  gewicht: [op dieet]")}: unknown code 'gewicht' (not in codes.yaml)"), errors);
        Assert.Contains(errors, e => e.StartsWith(string.Create(CultureInfo.InvariantCulture, $"nl/red-flags.yaml:{LineOf("nl/red-flags.yaml", "  weight-loss: [op dieet")}:"), StringComparison.Ordinal) && e.Contains("'dieet'", StringComparison.Ordinal));
    }

    [Fact]
    public void ReportsASignExplainedInPartThatIsNoPhraseOfItsCode()
    {
        var path = Path.Combine(_directory, "nl", "red-flags.yaml");
        File.WriteAllText(path, File.ReadAllText(path).Replace("explained:\n", "explained:\n  dark-urine:\n    signs: [donkere urine, nachtzweten]\n    by: [bietjes]\n", StringComparison.Ordinal));

        var errors = LoadErrors();

        var line = LineOf("nl/red-flags.yaml", "    signs: [donkere urine, nachtzweten]");
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"nl/red-flags.yaml:{line}: 'nachtzweten' is no phrase of 'dark-urine'"), errors);
        Assert.DoesNotContain(errors, e => e.Contains("'donkere urine' is no phrase", StringComparison.Ordinal));
    }

    [Fact]
    public void ReportsAnOutrankingSignOrAnOutrankedOneThatIsNoCode()
    {
        var path = Path.Combine(_directory, "nl", "red-flags.yaml");
        File.WriteAllText(path, File.ReadAllText(path).Replace("outranks:\n", "outranks:\n  zadel: [stroke]\n  fever: [beroerte, fever]\n", StringComparison.Ordinal));

        var errors = LoadErrors();

        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"nl/red-flags.yaml:{LineOf("nl/red-flags.yaml", "  zadel: [stroke]")}: unknown code 'zadel' (not in codes.yaml)"), errors);
        var line = LineOf("nl/red-flags.yaml", "  fever: [beroerte, fever]");
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"nl/red-flags.yaml:{line}: 'beroerte' is no other red-flag or emergency code (not in codes.yaml)"), errors);
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"nl/red-flags.yaml:{line}: 'fever' is no other red-flag or emergency code (not in codes.yaml)"), errors);
    }

    [Fact]
    public void ReportsAStoppedMedicineThatIsNoCodeAndAStoppedSectionWithoutWordsAfter()
    {
        var path = Path.Combine(_directory, "nl", "red-flags.yaml");
        var text = File.ReadAllText(path);
        var start = text.IndexOf("stopped:\n", StringComparison.Ordinal);
        var end = text.IndexOf('\n', text.IndexOf("  after:", start, StringComparison.Ordinal)) + 1;
        File.WriteAllText(path, string.Concat(text.AsSpan(0, start), "stopped:\n  codes: [ascal, blood-thinners]\n  before: [gestopt met]\n", text.AsSpan(end)));

        var errors = LoadErrors();

        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"nl/red-flags.yaml:{LineOf("nl/red-flags.yaml", "  codes: [ascal, blood-thinners]")}: unknown code 'ascal' (not in codes.yaml)"), errors);
        Assert.Contains(errors, e => e.StartsWith("nl/red-flags.yaml:", StringComparison.Ordinal) && e.Contains("'after'", StringComparison.Ordinal));
    }

    [Fact]
    public void ReadsASpellingAsItsWordSoAPhraseWithItIsADuplicate()
    {
        var words = Path.Combine(_directory, "nl", "words.yaml");
        var first = File.ReadAllLines(words).Length + 1;
        File.WriteAllText(words, File.ReadAllText(words) + "  mijn: mn\n  effe: even nu\n  mn: mijn\n  zelf: zelf\n  hoor:\n");
        var emergencies = Path.Combine(_directory, "nl", "emergencies.yaml");
        File.WriteAllText(emergencies, File.ReadAllText(emergencies).Replace("past: [", "past: [pijn op m'n borst gehad, pijn op mijn borst gehad, ", StringComparison.Ordinal));

        var errors = LoadErrors();

        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"nl/words.yaml:{LineOf("nl/words.yaml", "  mijn: mn")}: 'mijn' is a word a spelling stands for, so it cannot be a spelling of 'mn'"), errors);
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"nl/words.yaml:{LineOf("nl/words.yaml", "  effe: even nu")}: 'even nu' must be a single word"), errors);
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"nl/words.yaml:{first + 2}: duplicate spelling 'mn' (first on line {LineOf("nl/words.yaml", "  mn:")})"), errors);
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"nl/words.yaml:{LineOf("nl/words.yaml", "  zelf: zelf")}: spelling 'zelf' is the word itself"), errors);
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"nl/words.yaml:{LineOf("nl/words.yaml", "  hoor:")}: spelling 'hoor' needs the one word it stands for"), errors);
        Assert.Contains(errors, e => e.StartsWith(string.Create(CultureInfo.InvariantCulture, $"nl/emergencies.yaml:{LineOf("nl/emergencies.yaml", "past:")}: duplicate past emergency 'pijn op mijn borst gehad'"), StringComparison.Ordinal));
    }

    [Fact]
    public void ReportsACliticThatIsNoApostropheAndLettersOrHasNoWord()
    {
        var words = Path.Combine(_directory, "en", "words.yaml");
        File.WriteAllText(words, File.ReadAllText(words).Replace("clitics:\n", "clitics:\n  s: is\n  \"'ll\":\n  \"'re\": are now\n", StringComparison.Ordinal));

        var errors = LoadErrors();

        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"en/words.yaml:{LineOf("en/words.yaml", "  s: is")}: clitic 's' must be an apostrophe and letters, such as 's"), errors);
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"en/words.yaml:{LineOf("en/words.yaml", "  \"'ll\":")}: clitic ''ll' needs the one word it stands for"), errors);
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"en/words.yaml:{LineOf("en/words.yaml", "  \"'re\": are now")}: 'are now' must be a single word"), errors);
    }

    [Fact]
    public void ReportsAProcliticThatIsNoLettersOrHasNoWord()
    {
        var words = Path.Combine(_directory, "nl", "words.yaml");
        File.WriteAllText(words, File.ReadAllText(words).Replace("proclitics:\n", "proclitics:\n  \"'q\": het\n  z:\n  m: mijn eigen\n", StringComparison.Ordinal));

        var errors = LoadErrors();

        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"nl/words.yaml:{LineOf("nl/words.yaml", "  \"'q\": het")}: proclitic ''q' must be letters, such as k"), errors);
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"nl/words.yaml:{LineOf("nl/words.yaml", "  z:")}: proclitic 'z' needs the one word it stands for"), errors);
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"nl/words.yaml:{LineOf("nl/words.yaml", "  m: mijn eigen")}: 'mijn eigen' must be a single word"), errors);
    }

    [Fact]
    public void ReportsAnInvertedSubjectOfMoreThanOneWord()
    {
        var words = Path.Combine(_directory, "nl", "words.yaml");
        File.WriteAllText(words, File.ReadAllText(words).Replace("inverted: [ik]", "inverted: [ik, ik zelf]", StringComparison.Ordinal));

        var errors = LoadErrors();

        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"nl/words.yaml:{LineOf("nl/words.yaml", "inverted:")}: 'ik zelf' must be a single word"), errors);
    }

    [Fact]
    public void ReportsADecimalWordThatIsNoWord()
    {
        var numbers = Path.Combine(_directory, "nl", "numbers.yaml");
        File.WriteAllText(numbers, File.ReadAllText(numbers).Replace("decimalWords: [komma]", "decimalWords: [komma, \"5\", punt komma]", StringComparison.Ordinal));

        var errors = LoadErrors();

        var line = LineOf("nl/numbers.yaml", "decimalWords:");
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"nl/numbers.yaml:{line}: decimal word '5' must be letters, such as komma"), errors);
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"nl/numbers.yaml:{line}: 'punt komma' must be a single word"), errors);
    }

    [Fact]
    public void ReportsADigitWordThatIsNoDigitsOrHasNoWord()
    {
        var words = Path.Combine(_directory, "en", "words.yaml");
        File.WriteAllText(words, File.ReadAllText(words).Replace("digitWords:\n", "digitWords:\n  two: to\n  \"4\":\n  \"8\": ate it\n", StringComparison.Ordinal));

        var errors = LoadErrors();

        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"en/words.yaml:{LineOf("en/words.yaml", "  two: to")}: digit word 'two' must be digits, such as 2"), errors);
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"en/words.yaml:{LineOf("en/words.yaml", "  \"4\":")}: digit word '4' needs the one word it stands for"), errors);
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"en/words.yaml:{LineOf("en/words.yaml", "  \"8\": ate it")}: 'ate it' must be a single word"), errors);
    }

    [Fact]
    public void AVerbLastPhraseGivesWayToOneTheFileListsAndNeedsItsVerbListed()
    {
        var flags = Path.Combine(_directory, "nl", "red-flags.yaml");
        File.WriteAllText(flags, File.ReadAllText(flags).Replace("notFlags: [", "notFlags: [onduidelijk praat, ", StringComparison.Ordinal));
        var recognizer = new UtteranceRecognizer(LexiconSet.Load(_directory));

        Assert.DoesNotContain(recognizer.Recognize("dat ik onduidelijk praat", "nl", new DateOnly(2026, 12, 7)), e => e.Resolution is RedFlagResolution);
        Assert.Contains(recognizer.Recognize("dat ik ineens dubbel zie", "nl", new DateOnly(2026, 12, 7)), e => e.Resolution is RedFlagResolution { Code: "neck-dizziness" });

        var words = Path.Combine(_directory, "nl", "words.yaml");
        File.WriteAllText(words, File.ReadAllText(words).Replace("verbLast: [", "verbLast: [kan niet, ", StringComparison.Ordinal));
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"nl/words.yaml:{LineOf("nl/words.yaml", "verbLast:")}: 'kan niet' must be a single word"), LoadErrors());
    }

    [Fact]
    public void ReportsAnOnsetCodeThatIsUnknownOrListedTwice()
    {
        var path = Path.Combine(_directory, "en", "red-flags.yaml");
        File.WriteAllText(path, File.ReadAllText(path).Replace("onset: [minor-trauma]", "onset: [minor-trauma, slip, minor-trauma]", StringComparison.Ordinal));

        var errors = LoadErrors();

        var line = LineOf("en/red-flags.yaml", "onset:");
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"en/red-flags.yaml:{line}: unknown code 'slip' (not in codes.yaml)"), errors);
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"en/red-flags.yaml:{line}: onset code 'minor-trauma' is listed twice"), errors);
    }

    [Fact]
    public void ReportsAHolidayThatIsNoDayOfTheYear()
    {
        var path = Path.Combine(_directory, "nl", "durations.yaml");
        File.WriteAllText(path, File.ReadAllText(path)
            .Replace("  kerst: 12-25\n", "  kerst: 12-32\n", StringComparison.Ordinal)
            .Replace("  koningsdag: 04-27\n", "  koningsdag: april\n", StringComparison.Ordinal));

        var errors = LoadErrors();

        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"nl/durations.yaml:{LineOf("nl/durations.yaml", "  kerst: 12-32")}: holiday 'kerst' must be a month and day such as '12-25', not '12-32'"), errors);
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"nl/durations.yaml:{LineOf("nl/durations.yaml", "  koningsdag: april")}: holiday 'koningsdag' must be a month and day such as '12-25', not 'april'"), errors);
    }

    [Fact]
    public void ReportsAnUnknownKeyAndAMissingKey()
    {
        var path = Path.Combine(_directory, "en", "pain-score.yaml");
        File.WriteAllText(path, "scaleMax: 10\narticles: [a, an]\nscalemaks: 10\n");

        var errors = LoadErrors();

        Assert.Contains("en/pain-score.yaml:1: missing key 'outOf'", errors);
        Assert.Contains("en/pain-score.yaml:3: unknown key 'scalemaks'", errors);
    }

    [Fact]
    public void CollectsErrorsFromSeveralFilesInOneException()
    {
        Append("nl/red-flags.yaml", "  fever: [koortsje]");
        Append("en/body-locations.yaml", "  left-pinky: [pinky]");
        File.WriteAllText(Path.Combine(_directory, "nl", "yes-no.yaml"), "yes: [ja\n");

        var errors = LoadErrors();

        Assert.Contains(errors, e => e.StartsWith("nl/red-flags.yaml:", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("en/body-locations.yaml:", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("nl/yes-no.yaml:", StringComparison.Ordinal));
    }

    [Fact]
    public void ReportsAMissingFile()
    {
        File.Delete(Path.Combine(_directory, "en", "negation.yaml"));

        var errors = LoadErrors();

        Assert.Contains("en/negation.yaml:0: file is missing", errors);
    }

    [Fact]
    public void TheFacadeThrowsTheSameErrors()
    {
        Append("nl/red-flags.yaml", "  fever: [koortsje]");

        var exception = Assert.Throws<LexiconException>(() => UtteranceRecognizer.Load(_directory));

        Assert.Contains("nl/red-flags.yaml:", exception.Message, StringComparison.Ordinal);
    }

    private List<string> LoadErrors()
    {
        var exception = Assert.Throws<LexiconException>(() => LexiconSet.Load(_directory));
        return [.. exception.Errors.Select(e => e.ToString())];
    }

    private int Append(string file, string line)
    {
        var path = Path.Combine(_directory, file);
        var text = File.ReadAllText(path).TrimEnd('\n') + "\n" + line + "\n";
        File.WriteAllText(path, text);
        return text.TrimEnd('\n').Split('\n').Length;
    }

    private int LineOf(string file, string start)
    {
        var lines = File.ReadAllLines(Path.Combine(_directory, file));
        return Array.FindIndex(lines, l => l.StartsWith(start, StringComparison.Ordinal)) + 1;
    }

    private void RemoveLine(string file, string start)
    {
        var path = Path.Combine(_directory, file);
        File.WriteAllLines(path, File.ReadAllLines(path).Where(l => !l.StartsWith(start, StringComparison.Ordinal)));
    }
}
