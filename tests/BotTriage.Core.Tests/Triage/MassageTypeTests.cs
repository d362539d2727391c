namespace BotTriage.Core.Tests.Triage;

/// <summary>
/// Which massage the shipped routing suggests for a place: the runners' legs massage for the legs' muscles and for the
/// joints of people who run or do sport; for a joint of someone who does not, a gentle massage around it.
/// </summary>
public sealed class MassageTypeTests
{
    [Theory]
    [InlineData("calf", "runners-legs")]
    [InlineData("hamstrings", "runners-legs")]
    [InlineData("hip", "relaxation")]
    [InlineData("pelvis", "relaxation")]
    [InlineData("knee", "relaxation")]
    [InlineData("ankle-foot", "relaxation")]
    public void WithoutSportTheLegsMusclesGetTheRunnersLegsMassageAndTheJointsAGentleOne(string location, string massage)
    {
        var outcome = RoutedAnswers.Route("nl", location, weeks: 8);

        Assert.Equal([massage], outcome.MassageTypes);
        Assert.Equal(massage == "relaxation", outcome.Reasons.Any(r => r.Rule == "joints"));
    }

    // The joint reason quotes the joints among the places, by name: not the back beside the pelvis.
    [Theory]
    [InlineData("nl", new[] { "lower-back", "pelvis" }, "bekken")]
    [InlineData("en", new[] { "neck", "knee", "shoulder" }, "knee")]
    [InlineData("nl", new[] { "knee" }, "knee")]
    public void TheJointReasonQuotesTheJoints(string culture, string[] locations, string quoted)
    {
        var outcome = RoutedAnswers.Route(culture, locations, weeks: 8);

        Assert.Equal([quoted], outcome.Reasons.Single(r => r.Rule == "joints").Evidence);
    }

    [Theory]
    [InlineData("hip")]
    [InlineData("pelvis")]
    [InlineData("knee")]
    [InlineData("ankle-foot")]
    public void ARunnersJointGetsTheRunnersLegsMassage(string location)
    {
        var outcome = RoutedAnswers.Route("en", location, weeks: 8, ("sport", "I run a lot"));

        Assert.Contains("runners-legs", outcome.MassageTypes);
        Assert.DoesNotContain("joints", outcome.Reasons.Select(r => r.Rule));
    }

    [Theory]
    [InlineData("buttock")]
    [InlineData("hip")]
    [InlineData("pelvis")]
    [InlineData("hamstrings")]
    public void APlaceTheLowerBackRunsIntoGetsFasciaRelease(string location)
    {
        var outcome = RoutedAnswers.Route("nl", ["lower-back", location], weeks: 10);

        Assert.Contains(outcome.Reasons, r => r.Rule == "chain-complaint");
        Assert.Contains("fascia-release", outcome.MassageTypes);
    }

    // Under two weeks a chain complaint is fresh: the gentle massage for a recent complaint, not fascia release beside it.
    [Theory]
    [InlineData(0, false)]
    [InlineData(1, false)]
    [InlineData(2, true)]
    [InlineData(4, true)]
    public void AChainComplaintGetsFasciaReleaseOnceItIsNoLongerFresh(int weeks, bool fascia)
    {
        var outcome = RoutedAnswers.Route("nl", ["lower-back", "buttock"], weeks);

        Assert.Equal(fascia, outcome.Reasons.Any(r => r.Rule == "chain-complaint"));
        Assert.Equal(fascia, outcome.MassageTypes.Contains("fascia-release"));
        Assert.Contains("relaxation", outcome.MassageTypes);
    }

    [Theory]
    [InlineData(false, "relaxation", "no-complaint")]
    [InlineData(true, "runners-legs", "no-complaint-sport")]
    public void WithoutAComplaintTheMassageFollowsWhetherThePersonDoesSport(bool sport, string massage, string rule)
    {
        var outcome = sport ? RoutedAnswers.Route("nl", "no-complaint", weeks: 0, ("sport", "marathon")) : RoutedAnswers.Route("nl", "no-complaint", weeks: 0);

        Assert.Equal([massage], outcome.MassageTypes);
        Assert.Equal([rule], outcome.Reasons.Where(r => r.Rule.StartsWith("no-complaint", StringComparison.Ordinal)).Select(r => r.Rule));
    }

    [Theory]
    [InlineData("abdomen")]
    [InlineData("chest")]
    public void PainInTheBellyOrChestIsForTheGpBeforeAnyMassage(string location)
    {
        var outcome = RoutedAnswers.Route("nl", location, weeks: 1);

        Assert.Equal("T4", outcome.Urgency);
        Assert.Contains("gp", outcome.Routes);
        Assert.DoesNotContain("massage", outcome.Routes);
        Assert.Empty(outcome.MassageTypes);
        Assert.Contains(outcome.Reasons, r => r.Rule == "belly-or-chest");
    }

    [Fact]
    public void TheNeckIsNoPlaceForTheGpBeforeAMassage()
    {
        var outcome = RoutedAnswers.Route("nl", "neck", weeks: 1);

        Assert.DoesNotContain(outcome.Reasons, r => r.Rule == "belly-or-chest");
        Assert.NotEmpty(outcome.MassageTypes);
    }

    [Theory]
    [InlineData("arm", true)]
    [InlineData("calf", true)]
    [InlineData("knee", true)]
    [InlineData("jaw", false)]
    public void AfterCancerALimbGetsTheWordOnLymphoedema(string location, bool said)
    {
        var outcome = RoutedAnswers.Route("nl", location, weeks: 8, ("cancer-history", "borstkanker"));

        Assert.Equal(said, outcome.Reasons.Any(r => r.Rule == "oncology-limb"));
        Assert.Contains("oncology", outcome.MassageTypes);
    }

    [Theory]
    [InlineData(new[] { "lower-back", "calf" }, false, true, false)]
    [InlineData(new[] { "lower-back", "leg" }, false, true, false)]
    [InlineData(new[] { "lower-back", "calf" }, true, false, true)]
    [InlineData(new[] { "calf" }, false, false, true)]
    [InlineData(new[] { "lower-back", "hamstrings" }, false, false, false)]
    public void ALegThatHurtsWithTheBackIsForAPhysiotherapistAndARunnersMassageOnlyWithSport(string[] places, bool sport, bool physio, bool runnersLegs)
    {
        var outcome = sport ? RoutedAnswers.Route("nl", places, 3, ("sport", "ja, ik loop hard")) : RoutedAnswers.Route("nl", places, 3);

        Assert.Equal("none", outcome.Urgency);
        Assert.Equal(physio, outcome.Reasons.Any(r => r.Rule == "back-into-leg"));
        Assert.Equal(physio, outcome.Routes.Contains("physio"));
        Assert.Equal(runnersLegs, outcome.MassageTypes.Contains("runners-legs"));
    }

    [Theory]
    [InlineData("nl", "ja, een schaafwond")]
    [InlineData("en", "yes, stitches")]
    public void AnOpenWoundRulesOutEveryMassageAndSaysWhy(string culture, string answer)
    {
        var outcome = RoutedAnswers.Route(culture, "shoulder", weeks: 8, ("ci-wound", answer));

        Assert.Contains("open-wound", outcome.Contraindications);
        Assert.Empty(outcome.MassageTypes);
        Assert.DoesNotContain("massage", outcome.Routes);
        Assert.Contains(outcome.Reasons, r => r.Rule == "open-wound");
    }

    [Fact]
    public void AFreshStrainGetsOneReasonAndNoAdviceOfWarmth()
    {
        var outcome = RoutedAnswers.Route("nl", "ankle-foot", weeks: 0, ("trauma-minor", "verzwikt"), ("ci-injury", "ja, verse blessure"));

        Assert.Contains("fresh-injury", outcome.Contraindications);
        Assert.DoesNotContain("recent", outcome.Reasons.Select(r => r.Rule));
        Assert.DoesNotContain("gentle-only", outcome.Reasons.Select(r => r.Rule));
        Assert.Equal(["relaxation"], outcome.MassageTypes);
        Assert.Contains("fresh-strain", outcome.Reasons.Select(r => r.Rule));
        Assert.Contains("self-care", outcome.Routes);
    }

    // Hardly able to stand on it after twisting it: the GP looks whether something is broken, before any massage.
    [Theory]
    [InlineData("nl", "verdraaid, kan er amper op staan")]
    [InlineData("en", "twisted it, can't put weight on it")]
    public void AStrainThatCanHardlyBearWeightGoesToTheGpFirst(string culture, string words)
    {
        var outcome = RoutedAnswers.Route(culture, "ankle-foot", weeks: 0, ("trauma-minor", words), ("redflag.cannot-bear-weight", words));

        Assert.Contains("cannot-bear-weight", outcome.RedFlags);
        Assert.Equal("T3", outcome.Urgency);
        Assert.Equal(["gp"], outcome.Routes);
        Assert.Contains("weight-bearing", outcome.Reasons.Select(r => r.Rule));
    }
}
