using BotTriage.Core.Dialogs;
using BotTriage.Core.Triage;

namespace BotTriage.Core.Tests.Dialogs;

public sealed class DialogLoaderTests
{
    [Fact]
    public void LoadsTheShippedDialogsWithoutErrors()
    {
        var set = DialogLoader.LoadDirectory(DialogPaths.Default);

        Assert.Equal("emergency-screen", set.Flow.Start);
        Assert.Contains(set.Flow.States, s => s.IsOutcome);
        Assert.NotEmpty(set.Rules);
    }

    [Fact]
    public void ReportsATransitionToAnUnknownStateWithItsLine()
    {
        using var folder = new DialogsFolder();
        var line = folder.Replace("flow.yaml", "      - to: duration", "      - to: duratoin");

        var errors = folder.Errors();

        Assert.Contains($"flow.yaml:{line}: unknown state 'duratoin' in a transition of state 'location'", errors);
    }

    [Fact]
    public void ReportsAScoreThatCountsAQuestionWithoutPoints()
    {
        using var folder = new DialogsFolder();
        var line = folder.Replace("flow.yaml", "  pain: [pain]", "  pain: [pain, rf-fever]");

        var errors = folder.Errors();

        Assert.Equal([$"flow.yaml:{line}: score 'pain' counts state 'rf-fever', which is neither a scale question nor a choice question with a 'score' on every choice"], errors);
    }

    [Fact]
    public void ReportsAWordThatPicksTwoChoicesWithItsLine()
    {
        using var folder = new DialogsFolder();
        folder.Replace("flow.yaml", "          nl: [geen last, nee, niks, niets, geen enkele last]", "          nl: [geen last, nee, niks, niets, geen enkele last, veel]");
        var line = folder.Line("flow.yaml", "      - code: a-lot");

        var errors = folder.Errors();

        Assert.Contains($"flow.yaml:{line}: 'veel' picks both choice 'not-at-all' and choice 'a-lot' of state 'bother'", errors);
    }

    [Theory]
    [InlineData("11")]
    [InlineData("6.5")]
    public void ReportsAScoreOutOfTenOfAChoiceThatIsNone(string value)
    {
        using var folder = new DialogsFolder();
        folder.Replace("flow.yaml", "        from-ten: 7\n", $"        from-ten: {value}\n");

        Assert.Contains(folder.Errors(), e => e.EndsWith(": from-ten of choice 'a-lot' of state 'bother' must be a whole number from 0 to 10", StringComparison.Ordinal));
    }

    [Fact]
    public void ReportsDaysOfAChoiceBeyondTwoWeeks()
    {
        using var folder = new DialogsFolder();
        var path = Path.Combine(folder.Path, "flow.yaml");
        File.WriteAllText(path, File.ReadAllText(path).Replace("        days: 12\n", "        days: 15\n", StringComparison.Ordinal));

        var errors = folder.Errors();

        Assert.Contains(errors, e => e.EndsWith(": days of choice 'nearly-every-day' of state 'phq-interest' must be a whole number of days from 0 to 14", StringComparison.Ordinal));
        Assert.Equal(4, errors.Count(e => e.Contains("must be a whole number of days", StringComparison.Ordinal)));
    }

    [Fact]
    public void ReportsAnUnknownLanguageInAChoicesOtherWords()
    {
        using var folder = new DialogsFolder();
        var line = folder.Replace("flow.yaml", "          en: [none, not really, no trouble, 'no']", "          de: [nein]");

        var errors = folder.Errors();

        Assert.Contains(errors, e => e.StartsWith($"flow.yaml:{line}: ", StringComparison.Ordinal) && e.Contains("'de'", StringComparison.Ordinal));
    }

    [Fact]
    public void ReportsOwnYesWordsOnAQuestionThatIsNotYesNo()
    {
        using var folder = new DialogsFolder();
        folder.Replace("flow.yaml", "  - id: phq-interest\n    kind: choice\n", "  - id: phq-interest\n    kind: choice\n    also-yes:\n      nl: [prima]\n");

        var errors = folder.Errors();

        Assert.Contains(errors, e => e.Contains("state 'phq-interest' has 'also-yes' but is not a yes-no question", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("    yes-for-age:\n      under: 20\n      over: 50\n", "    yes-for-age:\n      under: 50\n      over: 20\n", "'yes-for-age' of state 'age-first': 'under' must be below 'over'")]
    [InlineData("    yes-for-age:\n      under: 20\n      over: 50\n", "    yes-for-age:\n      younger: 20\n", "'yes-for-age' of state 'age-first' needs 'under' or 'over'")]
    [InlineData("      under: 20\n", "      under: 19.5\n", "'under' of 'yes-for-age' of state 'age-first' must be a whole age from 1 to 120")]
    [InlineData("      over: 50\n", "      over: 150\n", "'over' of 'yes-for-age' of state 'age-first' must be a whole age from 1 to 120")]
    public void ReportsAgesThatCannotMakeAYes(string text, string broken, string message)
    {
        using var folder = new DialogsFolder();
        folder.Replace("flow.yaml", text, broken);

        var errors = folder.Errors();

        Assert.Contains(errors, e => e.EndsWith(message, StringComparison.Ordinal));
    }

    [Fact]
    public void ReportsLastingOnAQuestionThatIsNotYesNo()
    {
        using var folder = new DialogsFolder();
        folder.Replace("flow.yaml", "  - id: phq-interest\n    kind: choice\n", "  - id: phq-interest\n    kind: choice\n    lasting: true\n");

        var errors = folder.Errors();

        Assert.Contains(errors, e => e.Contains("state 'phq-interest' has 'lasting' but is not a yes-no question", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("  - id: phq-interest\n    kind: choice\n    passing-unless: sport == yes\n", "state 'phq-interest' has 'passing-unless' but is not a yes-no question")]
    [InlineData("  - id: phq-interest\n    kind: choice\n    several: true\n", "state 'phq-interest' has 'several' but is not a yes-no question")]
    [InlineData("  - id: phq-interest\n    kind: choice\n    joins-places: true\n", "state 'phq-interest' has 'joins-places' but is not a yes-no question")]
    [InlineData("  - id: phq-interest\n    kind: choice\n    passing-unless: sprot == yes\n", "sprot")]
    [InlineData("  - id: phq-interest\n    kind: choice\n    first-when: locatoin has chest\n", "unknown answer 'locatoin' in condition 'locatoin has chest' of state 'phq-interest'")]
    public void ReportsAPassingConditionOrSeveralSignsOnAQuestionThatCannotHaveThem(string replacement, string error)
    {
        using var folder = new DialogsFolder();
        folder.Replace("flow.yaml", "  - id: phq-interest\n    kind: choice\n", replacement);

        var errors = folder.Errors();

        Assert.Contains(errors, e => e.Contains(error, StringComparison.Ordinal));
    }

    [Fact]
    public void ReportsAQuestionAskedFirstOnAnOutcome()
    {
        using var folder = new DialogsFolder();
        folder.Replace("flow.yaml", "  - id: result\n    outcome: true\n", "  - id: result\n    outcome: true\n    first-when: location has chest\n");

        var errors = folder.Errors();

        Assert.Contains(errors, e => e.Contains("state 'result' is an outcome, which 'first-when' cannot ask first", StringComparison.Ordinal));
    }

    [Fact]
    public void ReportsAgesOnAQuestionThatIsNotYesNo()
    {
        using var folder = new DialogsFolder();
        folder.Replace("flow.yaml", "  - id: phq-interest\n    kind: choice\n", "  - id: phq-interest\n    kind: choice\n    yes-for-age:\n      over: 50\n");

        var errors = folder.Errors();

        Assert.Contains(errors, e => e.Contains("state 'phq-interest' has 'yes-for-age' but is not a yes-no question", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("  rf-night-pain:\n", "  rf-nightpain:\n", "rf-nightpain")]
    [InlineData("  first-episode:\n", "  bother:\n", "bother")]
    public void ReportsWordsForAQuestionThatIsNoYesNoQuestionOfTheFlow(string entry, string renamed, string id)
    {
        using var folder = new DialogsFolder();
        var line = folder.Replace("lexicons/en/yes-no.yaml", entry, renamed);

        var errors = folder.Errors();

        Assert.Equal([$"lexicons/en/yes-no.yaml:{line}: words for question '{id}', which is not a yes-no question in flow.yaml"], errors);
    }

    [Fact]
    public void ReportsAQuestionsOwnHintWithoutEnglish()
    {
        using var folder = new DialogsFolder();
        folder.Replace("flow.yaml", "      en: Only what is on the list counts here.", "      de: Nur was auf der Liste steht.");

        var errors = folder.Errors();

        Assert.Contains(errors, e => e.Contains("'hint' of state 'ci-any' is missing its", StringComparison.Ordinal));
    }

    [Fact]
    public void ReportsAQuestionsExplanationWithoutEnglish()
    {
        using var folder = new DialogsFolder();
        folder.Replace("flow.yaml", "      en: \"I mean whether you have never had back trouble like this before.\"", "      de: Nie zuvor?");

        var errors = folder.Errors();

        Assert.Contains(errors, e => e.Contains("'explain' of state 'first-episode' is missing its", StringComparison.Ordinal));
    }

    [Fact]
    public void ReportsATriggerTheStateDoesNotHave()
    {
        using var folder = new DialogsFolder();
        var line = folder.Replace("flow.yaml", "      - to: rf-numbness", "      - on: maybe\n        to: rf-numbness\n      - to: rf-numbness");

        var errors = folder.Errors();

        Assert.Contains($"flow.yaml:{line}: unknown trigger 'maybe' in state 'rf-widespread-whole' (its answers are: yes, no, unknown)", errors);
    }

    [Theory]
    [InlineData("nl: hetzelfde of erger", "nl: ja, beter", "nl", "ja, beter", "yes")]
    [InlineData("en: got better", "en: still the same", "en", "still the same", "no")]
    [InlineData("en: got better", "en: carrots", "en", "carrots", "no")]
    public void ReportsAButtonThatDoesNotReadAsItsAnswer(string old, string replacement, string culture, string label, string trigger)
    {
        using var folder = new DialogsFolder();
        folder.Replace("flow.yaml", old, replacement);

        var errors = folder.Errors();

        Assert.Contains($"flow.yaml:{folder.Line("flow.yaml", "  - id: rf-no-improvement")}: the '{trigger}' button of state 'rf-no-improvement' ({culture}: '{label}') does not read as '{trigger}' to that question", errors);
    }

    [Fact]
    public void ReportsButtonsOnAQuestionThatIsNoYesNoQuestion()
    {
        using var folder = new DialogsFolder();
        var line = folder.Replace("flow.yaml", "  - id: bother\n", "  - id: bother\n    buttons:\n      yes:\n        nl: ja\n        en: yes\n") + 2;

        Assert.Contains($"flow.yaml:{line}: state 'bother' has 'buttons' but is not a yes-no question", folder.Errors());
    }

    [Fact]
    public void ReportsADoctorFirstThatIsNoFlag()
    {
        using var folder = new DialogsFolder();
        var line = folder.Replace("routing.yaml", "heart-condition\n    doctor-first: true", "heart-condition\n    doctor-first: soms") + 1;

        var errors = folder.Errors();

        Assert.Contains($"routing.yaml:{line}: 'doctor-first' of rule 'ask-doctor-first' must be true or false", errors);
    }

    [Fact]
    public void ReportsAReasonWithoutMassageOnARuleThatAdvisesNoMassageBesideAnotherRoute()
    {
        using var folder = new DialogsFolder();
        var line = folder.Replace("routing.yaml", "  - id: subacute\n", "  - id: subacute\n    reason-without-massage:\n      nl: Een fysiotherapeut.\n      en: A physiotherapist.\n") + 2;

        Assert.Contains($"routing.yaml:{line}: rule 'subacute' has a reason without massage but does not advise massage beside another route", folder.Errors());
    }

    [Fact]
    public void ReportsCoveredSignsOnAQuestionAboutOneSign()
    {
        using var folder = new DialogsFolder();
        var line = folder.Replace("flow.yaml", "    red-flag: weight-loss\n", "    red-flag: weight-loss\n    covers: [recent-infection]\n") + 1;

        Assert.Contains($"flow.yaml:{line}: state 'rf-weight-loss' has 'covers' but is no red-flag question about several signs ('several: true')", folder.Errors());
    }

    [Fact]
    public void ReportsAnUnknownCoveredSign()
    {
        using var folder = new DialogsFolder();
        folder.Replace("flow.yaml", "covers: [iv-drug-use, recent-infection]", "covers: [iv-drug-use, griep]");

        Assert.Contains(folder.Errors(), e => e.Contains("unknown covered sign 'griep' in state 'rf-infection-risk'", StringComparison.Ordinal));
    }

    [Fact]
    public void ReportsAStateNothingLeadsTo()
    {
        using var folder = new DialogsFolder();
        folder.Replace("flow.yaml", "  - id: result\n", "  - id: orphan\n    kind: yes-no\n    question:\n      nl: Wees?\n      en: Orphan?\n    next:\n      - to: result\n\n  - id: result\n");

        var errors = folder.Errors();

        Assert.Contains($"flow.yaml:{folder.Line("flow.yaml", "  - id: orphan")}: state 'orphan' is unreachable from the start 'emergency-screen'", errors);
    }

    [Fact]
    public void ReportsAQuestionWithoutAWayOut()
    {
        using var folder = new DialogsFolder();
        folder.Replace("flow.yaml", "    next:\n      - to: rf-very-unwell\n", "");

        var errors = folder.Errors();

        Assert.Contains($"flow.yaml:{folder.Line("flow.yaml", "  - id: rf-fever")}: state 'rf-fever' has no way out and is not an outcome", errors);
    }

    [Fact]
    public void ReportsAnAnswerThatOnlyHasGuardedWaysOut()
    {
        using var folder = new DialogsFolder();
        folder.Replace("flow.yaml", "      - to: rf-night-pain", "      - to: rf-night-pain\n        when: duration.weeks > 6");

        var errors = folder.Errors();

        Assert.Contains(errors, e => e.StartsWith($"flow.yaml:{folder.Line("flow.yaml", "  - id: rf-weight-loss")}: state 'rf-weight-loss' has no way out for answer 'yes' when no condition holds", StringComparison.Ordinal));
    }

    [Fact]
    public void ReportsAMissingEnglishText()
    {
        using var folder = new DialogsFolder();
        var line = folder.Replace("flow.yaml", "      en: How long have you had it?\n", "");

        var errors = folder.Errors();

        Assert.Contains($"flow.yaml:{line - 1}: 'question' of state 'duration' is missing its English (en) text", errors);
    }

    [Fact]
    public void ReportsAnUnknownAnswerKind()
    {
        using var folder = new DialogsFolder();
        var line = folder.Replace("flow.yaml", "    kind: duration", "    kind: timespan");

        var errors = folder.Errors();

        Assert.Contains(errors, e => e.StartsWith($"flow.yaml:{line}: unknown answer kind 'timespan' in state 'duration' (expected one of: body-location, choice, duration", StringComparison.Ordinal));
    }

    [Fact]
    public void ReportsADuplicateStateId()
    {
        using var folder = new DialogsFolder();
        var line = folder.Replace("flow.yaml", "  - id: rf-sudden-weakness", "  - id: rf-night-pain");

        var errors = folder.Errors();

        Assert.Contains($"flow.yaml:{folder.Line("flow.yaml", "  - id: rf-night-pain\n    kind: yes-no\n    red-flag: night-pain")}: duplicate state id 'rf-night-pain' (first defined on line {line})", errors);
    }

    [Fact]
    public void ReportsAConditionThatDoesNotParse()
    {
        using var folder = new DialogsFolder();
        var line = folder.Replace("routing.yaml", "when: duration.weeks > 12", "when: duration.weeks > twelve");

        var errors = folder.Errors();

        Assert.Contains($"routing.yaml:{line}: condition 'duration.weeks > twelve' does not parse: expected a number, found 'twelve' at character 18", errors);
    }

    [Fact]
    public void ReportsAConditionOnAnUnknownAnswer()
    {
        using var folder = new DialogsFolder();
        var line = folder.Replace("routing.yaml", "when: duration.weeks > 12", "when: stiffness > 7");

        var errors = folder.Errors();

        Assert.Contains($"routing.yaml:{line}: unknown answer 'stiffness' in condition 'stiffness > 7'", errors);
    }

    [Fact]
    public void ReportsAnUnknownRouteCode()
    {
        using var folder = new DialogsFolder();
        var line = folder.Replace("routing.yaml", "duration.weeks > 12\n    routes: [physio, massage]", "duration.weeks > 12\n    routes: [physio, masage]") + 1;

        var errors = folder.Errors();

        Assert.Contains(errors, e => e.StartsWith($"routing.yaml:{line}: unknown code 'masage' in 'routes' of rule 'chronic'", StringComparison.Ordinal));
    }

    [Fact]
    public void ReportsAMissingEngineText()
    {
        using var folder = new DialogsFolder();
        folder.Replace("texts.yaml", "  back.none:\n    nl: Dit is de eerste vraag; er is geen vorige.\n    en: This is the first question; there is no previous one.\n", "");

        var errors = folder.Errors();

        Assert.Contains("texts.yaml:4: text 'back.none' is missing", errors);
    }

    [Fact]
    public void ReportsABodyLocationSideRouteRedFlagOrContraindicationWithoutAName()
    {
        using var folder = new DialogsFolder();
        folder.Replace("texts.yaml", "  location.calf:\n    nl: kuit\n    en: calf\n", "");
        folder.Replace("texts.yaml", "  side.both:\n    nl: beide kanten\n    en: both sides\n", "");
        folder.Replace("texts.yaml", "  route-name.physio:\n    nl: fysiotherapeut\n    en: physiotherapist\n", "");
        folder.Replace("texts.yaml", "  red-flag-name.fever:\n    nl: koorts of je erg ziek voelen\n    en: fever or feeling very ill\n", "");
        folder.Replace("texts.yaml", "  contraindication-name.pregnancy:\n    nl: zwangerschap\n    en: pregnancy\n", "");

        var errors = folder.Errors();

        const string Why = " is missing (the therapists' workspace names body locations, sides, routes, red flags and contraindications by it)";
        Assert.Equal(
            [
                "texts.yaml:1: text 'location.calf'" + Why, "texts.yaml:1: text 'side.both'" + Why, "texts.yaml:1: text 'route-name.physio'" + Why,
                "texts.yaml:1: text 'red-flag-name.fever'" + Why, "texts.yaml:1: text 'contraindication-name.pregnancy'" + Why,
            ],
            errors);
    }

    [Fact]
    public void ReportsAPlainAnswerNamedForAQuestionThatIsNoYesNoQuestion()
    {
        using var folder = new DialogsFolder();
        folder.Replace("texts.yaml", "  answer.no.emergency-screen:", "  answer.no.emergency:");
        folder.Replace("texts.yaml", "  answer.yes.consent:", "  answer.yes.location:");

        var errors = folder.Errors();

        Assert.Equal(
            [
                "texts.yaml:1: text 'answer.no.emergency' names 'emergency', which is not a yes-no question in flow.yaml",
                "texts.yaml:1: text 'answer.yes.location' names 'location', which is not a yes-no question in flow.yaml",
            ],
            errors);
    }

    [Fact]
    public void ReportsAnUnknownCodeInAListOfRecognizedCodes()
    {
        using var folder = new DialogsFolder();
        var line = folder.Line("flow.yaml", "  - id: ci-any");
        folder.Replace("flow.yaml", "    recognize: [calf-thrombosis, blood-thinners,", "    recognize: [calf-thrombosis, blood-thinner,");

        var errors = folder.Errors();

        Assert.Equal([$"flow.yaml:{line}: unknown recognized code 'blood-thinner' in state 'ci-any' (not in lexicons/codes.yaml)"], errors);
    }

    [Fact]
    public void NamesABodyLocationWithItsSideAndKeepsAnUnknownCode()
    {
        var texts = DialogLoader.LoadDirectory(DialogPaths.Default).Texts;

        Assert.Equal("knie (links)", texts.Location(new BodyLocation("knee", BodySide.Left), "nl"));
        Assert.Equal("Achilles tendon", texts.Location(new BodyLocation("achilles"), "en"));
        Assert.Equal("elbow-old (right)", texts.Location(new BodyLocation("elbow-old", BodySide.Right), "en"));
    }

    [Fact]
    public void ReportsYamlThatDoesNotParseWithItsLine()
    {
        using var folder = new DialogsFolder();
        var line = folder.Replace("flow.yaml", "    kind: duration", "    kind: duration\n    kind: number");

        var errors = folder.Errors();

        Assert.Contains(errors, e => e.StartsWith($"flow.yaml:{line + 1}: invalid YAML", StringComparison.Ordinal));
    }

    [Fact]
    public void ReportsAnUnclosedListAsInvalidYaml()
    {
        using var folder = new DialogsFolder();
        folder.Replace("flow.yaml", "    kind: duration", "    kind: [duration");

        var errors = folder.Errors();

        Assert.Contains(errors, e => e.StartsWith("flow.yaml:", StringComparison.Ordinal) && e.Contains("invalid YAML", StringComparison.Ordinal));
    }

    [Fact]
    public void ReportsEveryErrorOfABrokenFolderNotJustTheFirst()
    {
        using var folder = new DialogsFolder();
        folder.Replace("flow.yaml", "  - id: result\n", "  - id: orphan\n    kind: yes-no\n    question:\n      nl: Wees?\n      en: Orphan?\n    next:\n      - to: result\n\n  - id: result\n");
        folder.Replace("flow.yaml", "      en: How long have you had it?\n", "");
        folder.Replace("flow.yaml", "      - to: rf-night-pain", "      - on: yes\n        to: rf-nightpain\n      - to: rf-night-pain");

        var set = DialogLoader.Check(folder.Path);

        Assert.Null(set.Set);
        Assert.Equal(3, set.Errors.Count);
        Assert.All(set.Errors, e => Assert.Equal("flow.yaml", e.File));
        var exception = Assert.Throws<DialogValidationException>(() => DialogLoader.LoadDirectory(folder.Path));
        Assert.Equal(3, exception.Errors.Count);
    }

    [Fact]
    public void ReportsAMissingFolder()
    {
        var missing = Path.Combine(Path.GetTempPath(), "no-such-dialogs-" + Guid.NewGuid().ToString("N"));

        var (set, errors) = DialogLoader.Check(missing);

        Assert.Null(set);
        Assert.Equal("dialogs folder does not exist", Assert.Single(errors).Message);
    }
}
