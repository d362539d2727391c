using System.Globalization;
using BotTriage.Core.Triage;
using BotTriage.Core.Understanding.Text;
using YamlDotNet.Core;

namespace BotTriage.Core.Understanding.Lexicons;

/// <summary>
/// Reads <c>codes.yaml</c> and every language folder's lexicon files, collecting every problem as
/// <c>file:line: message</c> rather than stopping at the first, so a content editor fixes a file in one round.
/// </summary>
internal sealed class LexiconLoader
{
    public const string CodesFile = "codes.yaml";

    public static readonly IReadOnlyList<string> LanguageFiles =
        ["words.yaml", "numbers.yaml", "durations.yaml", "yes-no.yaml", "pain-score.yaml", "body-locations.yaml", "red-flags.yaml", "emergencies.yaml", "negation.yaml"];

    private static readonly Vocabulary NoWords = new();

    private readonly List<LexiconError> _errors = [];
    private readonly string _directory;

    private LexiconLoader(string directory)
    {
        _directory = directory;
    }

    public static LexiconSet Load(string directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        var loader = new LexiconLoader(directory);
        var set = loader.LoadAll();
        if (loader._errors.Count > 0)
        {
            throw new LexiconException(loader._errors);
        }

        return set;
    }

    private LexiconSet LoadAll()
    {
        if (!Directory.Exists(_directory))
        {
            _errors.Add(new LexiconError(_directory, 0, "lexicon folder not found"));
            return new LexiconSet([], new Dictionary<string, EmergencyCategory>(), [], [], []);
        }

        var catalog = LoadCatalog();
        var languages = new Dictionary<string, LanguageLexicon>(StringComparer.Ordinal);
        var seen = new Dictionary<(string Kind, string Code), List<(string Language, string File, int Line)>>();
        var sectionLines = new Dictionary<(string Language, string Kind), (string File, int Line)>();
        foreach (var folder in Directory.GetDirectories(_directory).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(folder);
            var lexicon = new LanguageLexicon(name);
            foreach (var unknown in Directory.GetFiles(folder, "*.yaml").Select(Path.GetFileName).Where(f => !LanguageFiles.Contains(f!)))
            {
                _errors.Add(new LexiconError($"{name}/{unknown}", 1, $"unknown lexicon file (expected one of {string.Join(", ", LanguageFiles)})"));
            }

            foreach (var file in LanguageFiles)
            {
                var relative = $"{name}/{file}";
                var root = ReadFile(relative);
                if (root is null)
                {
                    continue;
                }

                var context = new FileContext(relative, root, _errors, lexicon);
                switch (file)
                {
                    case "words.yaml":
                        LoadWords(context);
                        LoadClitics(context);
                        LoadProclitics(context);
                        LoadDigitWords(context);
                        LoadInverted(context);
                        LoadWordList(context, "verbLast", word => context.Lexicon.VerbLastWords.Add(context.Lexicon.Vocabulary.Add(word)));
                        LoadSided(context);
                        break;
                    case "numbers.yaml":
                        LoadNumbers(context);
                        break;
                    case "durations.yaml":
                        LoadDurations(context);
                        break;
                    case "yes-no.yaml":
                        LoadYesNo(context);
                        break;
                    case "pain-score.yaml":
                        LoadPainScore(context);
                        break;
                    case "body-locations.yaml":
                        LoadCoded(context, "locations", CodeKinds.BodyLocation, catalog, seen, sectionLines, LoadLocation);
                        LoadSides(context);
                        context.AddPhraseSet(context.Lexicon.Radiating, context.Get("radiating", required: false), "word of spreading pain");
                        context.AddIdSet(context.Lexicon.PlaceJoiners, context.Get("placeJoiners", required: false));
                        context.AddPhraseSet(context.Lexicon.NotLocationsBeforeADate, context.Get("notLocationsBeforeADate", required: false), "not-location phrase before a date");
                        break;
                    case "red-flags.yaml":
                        context.VerbLast = true;
                        context.Sided = true;
                        LoadCoded(context, "flags", CodeKinds.RedFlag, catalog, seen, sectionLines, (c, code, node) => AddPhrases(c, c.Lexicon.RedFlags, node, code, "red flag"));

                        // Phrases with a sign's word in them that tell of no sign ("per ongeluk").
                        AddPhrasesOfNone(context, context.Lexicon.RedFlags, "notFlags", string.Empty, "phrase that is no sign");
                        context.VerbLast = false;
                        context.Sided = false;
                        LoadTimed(context, catalog);
                        LoadCodeSet(context, catalog, "onset", context.Lexicon.OnsetCodes);
                        LoadCodeSet(context, catalog, "ownTime", context.Lexicon.OwnTimeCodes);
                        LoadStopped(context, catalog);
                        LoadSomeoneElse(context);
                        LoadTemperature(context, catalog);
                        LoadExplained(context, catalog);
                        LoadOutranks(context, catalog);
                        break;
                    case "emergencies.yaml":
                        context.Sided = true;
                        LoadCoded(context, "emergencies", CodeKinds.Emergency, catalog, seen, sectionLines, (c, code, node) => AddPhrases(c, c.Lexicon.Emergencies, node, code, "emergency"));

                        // An emergency of the past or of someone else ("hartaanval gehad"), a suicidal phrase denied
                        // in so many words ("ik ben niet suïcidaal"), since a suicidal phrase counts whatever negation
                        // is near it, and a phrase that holds an emergency's words but tells of less ("kan niet goed
                        // plassen").
                        AddPhrasesOfNone(context, context.Lexicon.Emergencies, "past", string.Empty, "past emergency");
                        AddPhrasesOfNone(context, context.Lexicon.Emergencies, "denied", string.Empty, "denied emergency");
                        AddPhrasesOfNone(context, context.Lexicon.Emergencies, "lesser", string.Empty, "lesser sign");
                        context.Sided = false;
                        context.AddPhraseSet(context.Lexicon.StillNow, context.Get("stillNow", required: false), "word of still now");
                        context.AddPhraseSet(context.Lexicon.Unsafe, context.Get("unsafe", required: false), "word of not being safe");
                        LoadPastFlags(context, catalog);
                        context.AddPhraseSet(context.Lexicon.LongAgo, context.Get("longAgo", required: false), "word of long ago");
                        break;
                    default:
                        LoadNegation(context);
                        break;
                }

                context.AddVariants();
                context.ReportUnknownKeys();
            }

            languages.Add(name, lexicon);
        }

        if (languages.Count == 0)
        {
            _errors.Add(new LexiconError(_directory, 0, "no language folders (such as nl/ and en/) found"));
        }

        ReportGaps(catalog, languages.Keys, seen, sectionLines);
        return new LexiconSet(languages, catalog.Emergencies, catalog.Codes[CodeKinds.BodyLocation].Keys, catalog.Codes[CodeKinds.RedFlag].Keys, catalog.InTheLeg);
    }

    private void ReportGaps(
        Catalog catalog,
        IEnumerable<string> languages,
        Dictionary<(string Kind, string Code), List<(string Language, string File, int Line)>> seen,
        Dictionary<(string Language, string Kind), (string File, int Line)> sectionLines)
    {
        foreach (var (kind, codes) in catalog.Codes)
        {
            foreach (var code in codes.Keys)
            {
                var present = seen.GetValueOrDefault((kind, code)) ?? [];
                foreach (var language in languages)
                {
                    if (present.Exists(p => p.Language == language) || !sectionLines.TryGetValue((language, kind), out var section))
                    {
                        continue;
                    }

                    var other = present.Count > 0 ? $"{present[0].File}:{present[0].Line.ToString(CultureInfo.InvariantCulture)} has it" : $"{CodesFile} lists it";
                    _errors.Add(new LexiconError(section.File, section.Line, $"code '{code}' is missing ({other})"));
                }
            }
        }
    }

    private Catalog LoadCatalog()
    {
        var catalog = new Catalog();
        var root = ReadFile(CodesFile);
        if (root is null)
        {
            return catalog;
        }

        var context = new FileContext(CodesFile, root, _errors, new LanguageLexicon("codes"));
        foreach (var (key, kind) in new[] { ("bodyLocations", CodeKinds.BodyLocation), ("redFlags", CodeKinds.RedFlag) })
        {
            var codes = catalog.Codes[kind];
            foreach (var (code, line) in context.Strings(context.Get(key)))
            {
                if (!codes.TryAdd(code, line))
                {
                    context.Error(line, $"duplicate code '{code}' (first on line {codes[code].ToString(CultureInfo.InvariantCulture)})");
                }
            }
        }

        foreach (var (code, line) in context.Strings(context.Get("inTheLeg", required: false)))
        {
            if (!catalog.Codes[CodeKinds.BodyLocation].ContainsKey(code))
            {
                context.Error(line, $"inTheLeg code '{code}' is no body location");
            }
            else if (!catalog.InTheLeg.Add(code))
            {
                context.Error(line, $"inTheLeg code '{code}' is listed twice");
            }
        }

        if (context.Get("emergencies") is { } emergencies)
        {
            foreach (var (key, value) in context.Entries(emergencies, "code"))
            {
                if (!Enum.TryParse<EmergencyCategory>(context.Scalar(value), ignoreCase: true, out var category) || !char.IsLetter(context.Scalar(value)[0]))
                {
                    context.Error(value.Line, $"unknown emergency category '{context.Scalar(value)}' (expected medical or suicide)");
                    continue;
                }

                catalog.Codes[CodeKinds.Emergency].Add(key.Value, key.Line);
                catalog.Emergencies.Add(key.Value, category);
            }
        }

        context.ReportUnknownKeys();
        return catalog;
    }

    private YamlMap? ReadFile(string relative)
    {
        var path = Path.Combine(_directory, relative);
        if (!File.Exists(path))
        {
            _errors.Add(new LexiconError(relative, 0, "file is missing"));
            return null;
        }

        try
        {
            using var reader = new StreamReader(path);
            var root = YamlReader.Read(reader);
            if (root is YamlMap map)
            {
                return map;
            }

            _errors.Add(new LexiconError(relative, root?.Line ?? 1, "the file must be a mapping of keys to values"));
        }
        catch (YamlException e)
        {
            _errors.Add(new LexiconError(relative, (int)e.Start.Line, "malformed YAML: " + Describe(e)));
        }

        return null;
    }

    private static string Describe(YamlException e)
    {
        // YamlDotNet prefixes its message with the position, which the error already carries.
        var message = e.Message;
        var at = message.IndexOf("): ", StringComparison.Ordinal);
        return at >= 0 && message.StartsWith('(') ? message[(at + 3)..] : message;
    }

    // words.yaml, read before any phrase: spellings {written form: word}, so "mn" and "m'n" read as "mijn" in every
    // phrase and message, and a phrase that differs from another only by such a spelling is a duplicate.
    private static void LoadWords(FileContext c)
    {
        foreach (var (key, value) in c.Entries(c.Get("spellings"), "spelling"))
        {
            if (value is not YamlScalar { Value: not "" } target)
            {
                c.Error(value.Line, $"spelling '{key.Value}' needs the one word it stands for");
                continue;
            }

            var spelling = c.SingleWord(key.Value, key.Line);
            var word = c.SingleWord(target.Value, target.Line);
            if (spelling is null || word is null)
            {
                continue;
            }

            if (spelling == word)
            {
                c.Error(key.Line, $"spelling '{key.Value}' is the word itself");
            }
            else if (!c.Lexicon.Vocabulary.AddSpelling(spelling, word))
            {
                c.Error(key.Line, $"'{key.Value}' is a word a spelling stands for, so it cannot be a spelling of '{target.Value}'");
            }
        }
    }

    // words.yaml clitics {suffix: word}: "'s: is", so an unknown "back's" reads as "back is".
    private static void LoadClitics(FileContext c) =>
        LoadWordsFor(c, "clitics", "clitic", k => k.Length >= 2 && k[0] == '\'' && k.Skip(1).All(char.IsLetter), "an apostrophe and letters, such as 's", c.Lexicon.Vocabulary.AddClitic);

    // words.yaml proclitics {prefix: word}: "k: ik", so an unknown "kwil" reads as "ik wil".
    private static void LoadProclitics(FileContext c)
    {
        LoadWordsFor(c, "proclitics", "proclitic", k => k.Length > 0 && k.All(char.IsLetter), "letters, such as k", c.Lexicon.Vocabulary.AddProclitic);
        LoadWordList(c, "procliticRests", c.Lexicon.Vocabulary.AddProcliticRest);
    }

    // words.yaml inverted [word]: "ik", so "sinds gisteren kan ik niet goed lopen" matches "kan niet goed lopen".
    private static void LoadInverted(FileContext c) => LoadWordList(c, "inverted", c.Lexicon.Vocabulary.AddInverted);

    // words.yaml sided {prefixes, words}: "linker" and "rechter" join "arm" into "linkerarm".
    private static void LoadSided(FileContext c)
    {
        if (c.OptionalNested("sided", "sided must be a mapping of prefixes and words") is not { } nested)
        {
            return;
        }

        var prefixes = nested.Strings(nested.Get("prefixes")).Select(p => nested.SingleWord(p.Text, p.Line)).OfType<string>().ToList();
        foreach (var (text, line) in nested.Strings(nested.Get("words")))
        {
            if (nested.SingleWord(text, line) is { } word)
            {
                c.Lexicon.SidedWords[c.Lexicon.Vocabulary.Add(word)] = [.. prefixes.Select(p => c.Lexicon.Vocabulary.Add(p + word))];
            }
        }

        nested.ReportUnknownKeys();
    }

    // An optional list of single words.
    private static void LoadWordList(FileContext c, string key, Action<string> add)
    {
        foreach (var (text, line) in c.Strings(c.Get(key, required: false)))
        {
            if (c.SingleWord(text, line) is { } word)
            {
                add(word);
            }
        }
    }

    // words.yaml digitWords {digits: word}: "2: to", so "i want 2 die" matches the phrase "want to die".
    private static void LoadDigitWords(FileContext c) =>
        LoadWordsFor(c, "digitWords", "digit word", k => k.Length > 0 && k.All(char.IsAsciiDigit), "digits, such as 2", c.Lexicon.Vocabulary.AddDigitWord);

    // An optional mapping {written form: the one word it stands for}, each written form checked by its shape.
    private static void LoadWordsFor(FileContext c, string key, string what, Func<string, bool> shaped, string shape, Action<string, string> add)
    {
        foreach (var (written, value) in c.Entries(c.Get(key, required: false), what))
        {
            if (!shaped(written.Value))
            {
                c.Error(written.Line, $"{what} '{written.Value}' must be {shape}");
            }
            else if (value is not YamlScalar { Value: not "" } target)
            {
                c.Error(value.Line, $"{what} '{written.Value}' needs the one word it stands for");
            }
            else if (c.SingleWord(target.Value, target.Line) is { } word)
            {
                add(written.Value, word);
            }
        }
    }

    private static void LoadNumbers(FileContext c)
    {
        var lexicon = c.Lexicon;
        lexicon.DecimalSeparator = c.Character(c.Get("decimalSeparator"), '.');
        lexicon.GroupSeparator = c.Character(c.Get("groupSeparator"), ',');
        if (lexicon.DecimalSeparator == lexicon.GroupSeparator)
        {
            c.Error(c.Root.Line, "decimalSeparator and groupSeparator must differ");
        }

        AddMorphemes(c, c.Get("words"), MorphemeKind.Value);
        AddMorphemes(c, c.Get("multipliers"), MorphemeKind.Multiplier);
        AddMorphemes(c, c.Get("fixed"), MorphemeKind.Fixed);
        AddMorphemes(c, c.Get("fractions"), MorphemeKind.Fraction);
        foreach (var (joiner, line) in c.Strings(c.Get("joiners")))
        {
            AddMorpheme(c, joiner, line, new NumberMorpheme(0, MorphemeKind.Joiner));
            c.AddIds(lexicon.NumberJoiners, joiner, line);
        }

        foreach (var (article, line) in c.Strings(c.Get("articles")))
        {
            c.AddIds(lexicon.Articles, article, line);
        }

        // Optional: a decimal sign said as a word, "38 komma 5".
        foreach (var (word, line) in c.Strings(c.Get("decimalWords", required: false)))
        {
            if (c.SingleWord(word, line) is { } single)
            {
                if (single.All(char.IsLetter))
                {
                    lexicon.Vocabulary.AddDecimalWord(single);
                }
                else
                {
                    c.Error(line, $"decimal word '{word}' must be letters, such as komma");
                }
            }
        }

        foreach (var (key, value) in c.Entries(c.Get("quantities"), "phrase"))
        {
            if (c.Number(value) is { } amount)
            {
                c.AddPhrase(lexicon.Quantities, key.Value, key.Line, amount, "quantity");
            }
        }

        // Optional: {before, after, older, younger, between, decades, decadeBefore, decadeParts, decadeAfter}, the words
        // around an age said as the whole answer, and of an age said by its decade.
        if (c.OptionalNested("ages", "ages must be a mapping of before, after, older, younger, between and decade words") is { } nested)
        {
            nested.AddPhraseSet(lexicon.AgeBefore, nested.Get("before", required: false), "word before an age");
            nested.AddPhraseSet(lexicon.AgeAfterSomeone, nested.Get("afterSomeone", required: false), "word between someone and their age");
            nested.AddPhraseSet(lexicon.AgeAfter, nested.Get("after", required: false), "word after an age");
            nested.AddPhraseSet(lexicon.AgeOlder, nested.Get("older", required: false), "word for older than an age");
            nested.AddPhraseSet(lexicon.AgeYounger, nested.Get("younger", required: false), "word for younger than an age");
            nested.AddPhraseSet(lexicon.AgeBetween, nested.Get("between", required: false), "word for between two ages");
            AddNumberedPhrases(nested, lexicon.AgeDecades, nested.Get("decades", required: false), 10, 90, "decade of an age");
            nested.AddPhraseSet(lexicon.AgeDecadeBefore, nested.Get("decadeBefore", required: false), "word before a decade");
            AddDecadeParts(nested, lexicon.AgeDecadeParts, nested.Get("decadeParts", required: false));
            nested.AddPhraseSet(lexicon.AgeDecadeAfter, nested.Get("decadeAfter", required: false), "word after a round number that makes it a decade");
            nested.ReportUnknownKeys();
            if (lexicon.AgeBefore.Count + lexicon.AgeAfter.Count + lexicon.AgeOlder.Count + lexicon.AgeYounger.Count + lexicon.AgeBetween.Count == 0)
            {
                c.Error(c.Get("ages")!.Line, "ages has no words");
            }
        }
    }

    private static void AddMorphemes(FileContext c, YamlNode? node, MorphemeKind kind)
    {
        foreach (var (key, value) in c.Entries(node, "word"))
        {
            if (c.Number(value) is { } number)
            {
                AddMorpheme(c, key.Value, key.Line, new NumberMorpheme(number, kind));
            }
        }
    }

    private static void AddMorpheme(FileContext c, string word, int line, NumberMorpheme morpheme)
    {
        var folded = c.SingleWord(word, line);
        if (folded is null)
        {
            return;
        }

        if (!c.Lexicon.Morphemes.TryAdd(folded, morpheme))
        {
            c.Error(line, $"number word '{word}' is listed twice");
            return;
        }

        c.Lexicon.Vocabulary.Add(folded);
        c.Lexicon.MaxMorphemeLength = Math.Max(c.Lexicon.MaxMorphemeLength, folded.Length);
    }

    private static void LoadDurations(FileContext c)
    {
        var lexicon = c.Lexicon;
        var unitSeconds = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var (key, value) in c.Entries(c.Get("units"), "unit"))
        {
            if (value is not YamlMap unit)
            {
                c.Error(value.Line, $"unit '{key.Value}' must have seconds, singular and plural");
                continue;
            }

            var unitContext = c.Nested(unit);
            var seconds = unitContext.Number(unitContext.Get("seconds"));
            if (seconds is not > 0)
            {
                c.Error(unit.Line, $"unit '{key.Value}' needs a positive number of seconds");
                continue;
            }

            unitSeconds[key.Value] = (long)seconds.Value;
            foreach (var (word, plural) in unitContext.Strings(unitContext.Get("singular")).Select(w => (w, false))
                .Concat(unitContext.Strings(unitContext.Get("plural", required: false)).Select(w => (w, true))))
            {
                var folded = c.SingleWord(word.Text, word.Line);
                if (folded is not null && !lexicon.Units.TryAdd(lexicon.Vocabulary.Add(folded), new DurationUnit((long)seconds.Value, plural)))
                {
                    c.Error(word.Line, $"unit word '{word.Text}' is listed twice");
                }
            }

            unitContext.ReportUnknownKeys();
        }

        c.AddPhraseSet(lexicon.ApproximatePrefixes, c.Get("approximatePrefixes"), "approximate prefix");
        c.AddPhraseSet(lexicon.ApproximateSuffixes, c.Get("approximateSuffixes"), "approximate suffix");
        c.AddPhraseSet(lexicon.SinceCues, c.Get("sinceCues"), "since cue");
        c.AddIdSet(lexicon.SinceStops, c.Get("sinceStops", required: false));
        c.AddIdSet(lexicon.AgoWords, c.Get("ago", required: false));
        c.AddPhraseSet(lexicon.StartWords, c.Get("startWords", required: false), "start word");
        c.AddIdSet(lexicon.DayOrdinals, c.Get("dayOrdinals", required: false));
        c.AddIdSet(lexicon.DayOf, c.Get("dayOf", required: false));
        c.AddIdSet(lexicon.DayArticles, c.Get("dayArticles", required: false));
        c.AddIdSet(lexicon.RankNouns, c.Get("rankNouns", required: false));
        c.AddPhraseSet(lexicon.LastDayWords, c.Get("lastDayWords", required: false), "word of the last day");
        c.AddPhraseSet(lexicon.VagueLengths, c.Get("vagueLengths", required: false), "vague length");
        c.AddIdSet(lexicon.UnitThenNumber, c.Get("unitThenNumber"));
        c.AddIdSet(lexicon.RangeJoiners, c.Get("rangeJoiners"));
        c.AddIdSet(lexicon.NumberUnitJoiners, c.Get("numberUnitJoiners", required: false));
        c.AddIdSet(lexicon.Blockers, c.Get("blockers"));
        c.AddPhraseSet(lexicon.BlockersAfter, c.Get("blockersAfter", required: false), "word after a count that is no duration");
        c.AddPhraseSet(lexicon.BlockersBefore, c.Get("blockersBefore", required: false), "word before a count that is no duration");
        c.AddPhraseSet(lexicon.PregnancyBefore, c.Get("pregnancyBefore", required: false), "word before a pregnancy's weeks");
        c.AddPhraseSet(lexicon.PregnancyAfter, c.Get("pregnancyAfter", required: false), "word after a pregnancy's weeks");
        foreach (var (key, value) in c.Entries(c.Get("slashUnits", required: false), "denominator"))
        {
            // "52: week": a denominator of two or more and a unit of this file.
            var unit = c.Scalar(value).Trim();
            if (!int.TryParse(key.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var denominator) || denominator < 2)
            {
                c.Error(key.Line, $"slash unit '{key.Value}' must be a whole number of two or more");
            }
            else if (!unitSeconds.TryGetValue(unit, out var seconds))
            {
                c.Error(value.Line, $"slash unit '{unit}' must be a unit of this file");
            }
            else
            {
                lexicon.SlashUnits[denominator] = seconds;
            }
        }

        foreach (var (key, value) in c.Entries(c.Get("relative"), "phrase"))
        {
            // "1 day" or "~1 week" (the tilde marks an approximate start).
            var text = c.Scalar(value).Trim();
            var approximate = text.StartsWith('~');
            var parts = text.TrimStart('~').Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length != 2 || !double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var count) || !unitSeconds.TryGetValue(parts[1], out var seconds))
            {
                c.Error(value.Line, $"relative start '{text}' must be a count and a unit of this file, such as '1 day' or '~1 week'");
                continue;
            }

            c.AddPhrase(lexicon.Relative, key.Value, key.Line, new RelativeStart(count, seconds, approximate), "relative start");
        }

        AddNumberedWords(c, lexicon.Weekdays, c.Get("weekdays"), 1, 7);
        AddNumberedWords(c, lexicon.SinceWeekdays, c.Get("sinceWeekdays", required: false), 1, 7);
        AddNumberedWords(c, lexicon.Months, c.Get("months"), 1, 12);
        AddNumberedPhrases(c, lexicon.MonthParts, c.Get("monthParts", required: false), 1, 28, "part of a month");
        AddNumberedPhrases(c, lexicon.WeekParts, c.Get("weekParts", required: false), 1, 7, "part of a week");
        AddNumberedPhrases(c, lexicon.MonthsBack, c.Get("monthsBack", required: false), 0, 11, "month back");
        AddNumberedPhrases(c, lexicon.YearsBack, c.Get("yearsBack", required: false), 0, 10, "year back");
        AddHolidays(c, lexicon.Holidays, c.Get("holidays", required: false));
    }

    // Optional: phrases that only look like an entry of target ("terug", "per ongeluk", "hartaanval gehad"), matched
    // like its entries, so that the longer phrase wins, with a value of no code that the recognizer passes over.
    private static void AddPhrasesOfNone<T>(FileContext c, PhraseTrie<T> target, string key, T none, string what)
    {
        foreach (var (phrase, line) in c.Strings(c.Get(key, required: false)))
        {
            c.AddPhrase(target, phrase, line, none, what);
        }
    }

    // "eind: 25", "vorig jaar: 1": a phrase with a whole number from min to max.
    private static void AddNumberedPhrases(FileContext c, PhraseTrie<int> target, YamlNode? node, int min, int max, string what)
    {
        foreach (var (key, value) in c.Entries(node, "phrase"))
        {
            var number = c.Number(value);
            if (number is null || number < min || number > max || number != Math.Floor(number.Value))
            {
                c.Error(value.Line, $"'{key.Value}' must be a whole number from {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)}");
                continue;
            }

            c.AddPhrase(target, key.Value, key.Line, (int)number.Value, what);
        }
    }

    // "late: 7-9": a part of a decade, by its first and last year.
    private static void AddDecadeParts(FileContext c, PhraseTrie<(int First, int Last)> target, YamlNode? node)
    {
        foreach (var (key, value) in c.Entries(node, "phrase"))
        {
            var parts = c.Scalar(value).Trim().Split('-');
            if (parts.Length != 2 || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var first)
                || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var last) || first > last || last > 9)
            {
                c.Error(value.Line, $"'{key.Value}' must be the first and last year of a decade it names, as 7-9");
                continue;
            }

            c.AddPhrase(target, key.Value, key.Line, (first, last), "part of a decade");
        }
    }

    // "kerst: 12-25", "new year: 01-01": a phrase for a day of the year, month and day.
    private static void AddHolidays(FileContext c, PhraseTrie<(int Month, int Day)> target, YamlNode? node)
    {
        foreach (var (key, value) in c.Entries(node, "phrase"))
        {
            var text = c.Scalar(value).Trim();
            var parts = text.Split('-');
            if (parts.Length != 2
                || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var month)
                || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var day)
                || month is < 1 or > 12
                || day < 1
                || day > DateTime.DaysInMonth(2001, month))
            {
                c.Error(value.Line, $"holiday '{key.Value}' must be a month and day such as '12-25', not '{text}'");
                continue;
            }

            c.AddPhrase(target, key.Value, key.Line, (month, day), "holiday");
        }
    }

    private static void AddNumberedWords(FileContext c, Dictionary<int, int> target, YamlNode? node, int min, int max)
    {
        foreach (var (key, value) in c.Entries(node, "word"))
        {
            var number = c.Number(value);
            if (number is null || number < min || number > max || number != Math.Floor(number.Value))
            {
                c.Error(value.Line, $"'{key.Value}' must be a whole number from {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)}");
                continue;
            }

            AddWord(c, target, key, (int)number.Value);
        }
    }

    // One word of a word map (weekdays, months, holidays), by its vocabulary id.
    private static void AddWord<T>(FileContext c, Dictionary<int, T> target, YamlScalar key, T value)
    {
        var folded = c.SingleWord(key.Value, key.Line);
        if (folded is not null && !target.TryAdd(c.Lexicon.Vocabulary.Add(folded), value))
        {
            c.Error(key.Line, $"'{key.Value}' is listed twice");
        }
    }

    private static void LoadYesNo(FileContext c)
    {
        var answers = new (string Key, YesNo Value, bool Hedged)[]
        {
            ("yes", YesNo.Yes, false), ("no", YesNo.No, false), ("unknown", YesNo.Unknown, false),
            ("hedgedYes", YesNo.Yes, true), ("hedgedNo", YesNo.No, true),
        };
        foreach (var (key, value, hedged) in answers)
        {
            var resolution = new BooleanResolution(value, hedged);
            foreach (var (phrase, line) in c.Strings(c.Get(key)))
            {
                c.AddPhrase(c.Lexicon.Answers, phrase, line, resolution, "answer");
            }
        }

        c.AddPhraseSet(c.Lexicon.ClauseFinalAnswers, c.Get("clauseFinal", required: false), "clause-final answer");
        foreach (var (key, trie, what) in new[] { ("askingBack", c.Lexicon.AskingBack, "word of asking back"), ("askingOpeners", c.Lexicon.AskingOpeners, "word before asking back") })
        {
            var node = c.Get(key, required: false);
            c.AddPhraseSet(trie, node, what);
            foreach (var (phrase, _) in c.Strings(node))
            {
                c.Lexicon.AskingFirstWords.Add(phrase.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0].ToLowerInvariant());
            }
        }
        LoadQuestionAnswers(c);
    }

    // yes-no.yaml's optional questions section: question id -> {yes, no, neither}, each list optional. Whether
    // each id is a yes-no question of the flow is checked where the flow is loaded.
    private static void LoadQuestionAnswers(FileContext c)
    {
        foreach (var (id, node) in c.Entries(c.Get("questions", required: false), "question id"))
        {
            if (node is not YamlMap map)
            {
                c.Error(node.Line, $"question '{id.Value}' must have yes or no words");
                continue;
            }

            var nested = c.Nested(map);
            var trie = new PhraseTrie<YesNo>();
            foreach (var (key, value) in new[] { ("yes", YesNo.Yes), ("no", YesNo.No), ("neither", YesNo.Unknown) })
            {
                foreach (var (phrase, line) in nested.Strings(nested.Get(key, required: false)))
                {
                    nested.AddPhrase(trie, phrase, line, value, $"answer to '{id.Value}'");
                }
            }

            nested.ReportUnknownKeys();
            if (trie.Count == 0)
            {
                c.Error(id.Line, $"question '{id.Value}' has no yes or no words");
                continue;
            }

            c.Lexicon.QuestionAnswers[id.Value] = trie;
            c.Lexicon.QuestionAnswerLines[id.Value] = (c.Path, id.Line);
        }
    }

    // An optional true or false; anything else is reported, and read as false.
    private static bool OptionalFlag(FileContext c, string key)
    {
        var node = c.Get(key, required: false);
        var value = node is null ? "false" : c.Scalar(node);
        if (value is not ("true" or "false"))
        {
            c.Error(node!.Line, $"{key} must be true or false");
        }

        return value == "true";
    }

    private static void LoadPainScore(FileContext c)
    {
        var max = c.Number(c.Get("scaleMax"));
        if (max is > 0)
        {
            c.Lexicon.ScaleMax = (int)max.Value;
        }

        c.AddPhraseSet(c.Lexicon.OutOf, c.Get("outOf"), "out-of phrase");
        c.AddIdSet(c.Lexicon.PainArticles, c.Get("articles"));
        c.AddIdSet(c.Lexicon.PainCues, c.Get("cues", required: false));
        c.AddPhraseSet(c.Lexicon.NoPain, c.Get("noPain", required: false), "no-pain phrase");
        AddNumberedPhrases(c, c.Lexicon.PainWords, c.Get("words", required: false), 1, c.Lexicon.ScaleMax, "pain in words");
        c.AddPhraseSet(c.Lexicon.UsualCues, c.Get("usualCues", required: false), "usual cue");
        c.AddPhraseSet(c.Lexicon.SometimesCues, c.Get("sometimesCues", required: false), "sometimes cue");
        c.AddIdSet(c.Lexicon.PronounAfter, c.Get("pronounAfter", required: false));
    }

    // emergencies.yaml pastFlags: a sign's red-flag code -> the code of that sign once it has passed; pastTense: the
    // words that tell it in the past.
    private static void LoadPastFlags(FileContext c, Catalog catalog)
    {
        foreach (var (key, value) in c.Entries(c.Get("pastFlags", required: false), "code"))
        {
            if (value is not YamlScalar { Value: not "" } target)
            {
                c.Error(value.Line, $"past flag '{key.Value}' needs the code of the sign once passed");
                continue;
            }

            var known = true;
            foreach (var (code, line) in new[] { (key.Value, key.Line), (target.Value, target.Line) })
            {
                if (!catalog.Codes[CodeKinds.RedFlag].ContainsKey(code))
                {
                    c.Error(line, $"unknown code '{code}' (not in {CodesFile})");
                    known = false;
                }
            }

            if (known)
            {
                c.Lexicon.PastFlags[key.Value] = target.Value;
            }
        }

        c.AddIdSet(c.Lexicon.PastTense, c.Get("pastTense", required: false));
        if (c.Lexicon.PastFlags.Count > 0 && c.Lexicon.PastTense.Count == 0)
        {
            c.Error(c.KeyLine("pastFlags"), "pastFlags needs pastTense, the words that tell a sign in the past");
        }
    }

    // A list of red-flag codes in red-flags.yaml: onset (signs a complaint starts with), ownTime (states and histories
    // whose time is their own).
    private static void LoadCodeSet(FileContext c, Catalog catalog, string key, HashSet<string> codes)
    {
        foreach (var (code, line) in c.Strings(c.Get(key, required: false)))
        {
            if (!catalog.Codes[CodeKinds.RedFlag].ContainsKey(code))
            {
                c.Error(line, $"unknown code '{code}' (not in {CodesFile})");
            }
            else if (!codes.Add(code))
            {
                c.Error(line, $"{key} code '{code}' is listed twice");
            }
        }
    }

    // red-flags.yaml's optional stopped section: {codes, before, after}, medicines the words right before or after deny
    // ("gestopt met ascal", "ascal niet meer").
    private static void LoadStopped(FileContext c, Catalog catalog)
    {
        if (c.OptionalNested("stopped", "stopped must be a mapping of codes, before and after") is not { } nested)
        {
            return;
        }

        LoadCodeSet(nested, catalog, "codes", c.Lexicon.StoppedCodes);
        nested.AddPhraseSet(c.Lexicon.StoppedBefore, nested.Get("before", required: false), "word before a stopped medicine");
        nested.AddPhraseSet(c.Lexicon.StoppedAfter, nested.Get("after"), "word after a stopped medicine");
        nested.ReportUnknownKeys();
    }

    // red-flags.yaml's optional timed section: code -> {withinWeeks, words}.
    private static void LoadTimed(FileContext c, Catalog catalog)
    {
        foreach (var (code, node) in c.Entries(c.Get("timed", required: false), "code"))
        {
            if (!catalog.Codes[CodeKinds.RedFlag].ContainsKey(code.Value))
            {
                c.Error(code.Line, $"unknown code '{code.Value}' (not in {CodesFile})");
                continue;
            }

            if (node is not YamlMap map)
            {
                c.Error(node.Line, $"timed '{code.Value}' must have withinWeeks and words");
                continue;
            }

            var nested = c.Nested(map);
            var weeks = nested.Number(nested.Get("withinWeeks"));
            if (weeks is not > 0)
            {
                if (weeks is not null)
                {
                    c.Error(nested.KeyLine("withinWeeks"), "withinWeeks must be more than 0");
                }

                nested.ReportUnknownKeys();
                continue;
            }

            var flag = new TimedFlag(code.Value, weeks.Value, OptionalFlag(nested, "untimed"), OptionalFlag(nested, "startsComplaint"));
            if (OptionalFlag(nested, "pastUnsure"))
            {
                c.Lexicon.PastUnsureCodes.Add(code.Value);
            }

            foreach (var (phrase, line) in nested.Strings(nested.Get("words")))
            {
                c.AddPhrase(c.Lexicon.TimedFlags, phrase, line, flag, "timed word");
            }

            nested.ReportUnknownKeys();
        }
    }

    private static void LoadLocation(FileContext c, string code, YamlNode node)
    {
        if (node is not YamlMap map)
        {
            c.Error(node.Line, $"location '{code}' must have phrases (and optionally plural)");
            return;
        }

        var nested = c.Nested(map);
        foreach (var (plural, key) in new[] { (false, "phrases"), (true, "plural") })
        {
            foreach (var (phrase, line) in nested.Strings(nested.Get(key, required: !plural)))
            {
                var entry = new LocationEntry(code, plural);
                if (c.AddPhrase(c.Lexicon.Locations, phrase, line, entry, "location") && !phrase.Contains(' ', StringComparison.Ordinal))
                {
                    c.Lexicon.LocationWords.TryAdd(FileContext.Fold(phrase), entry);
                }
            }
        }

        nested.ReportUnknownKeys();
    }

    private static void LoadSides(FileContext c)
    {
        AddSides(c, c.Lexicon.Sides, "sides", required: true);
        AddSides(c, c.Lexicon.ShortSides, "shortSides", required: false);
        c.AddPhraseSet(c.Lexicon.SideTakers, c.Get("sideTakers", required: false), "word that takes a side");

        foreach (var (key, value) in c.Entries(c.Get("sidePrefixes", required: false), "prefix"))
        {
            var side = c.Scalar(value) switch
            {
                "left" => BodySide.Left,
                "right" => BodySide.Right,
                "both" => BodySide.Both,
                var other => Invalid(c, value.Line, other),
            };
            if (side != BodySide.Unspecified)
            {
                c.Lexicon.SidePrefixes.Add(new(FileContext.Fold(key.Value), side));
            }
        }

        AddPhrasesOfNone(c, c.Lexicon.Locations, "notLocations", new LocationEntry("", false), "not-location phrase");

        foreach (var (suffix, _) in c.Strings(c.Get("compoundSuffixes", required: false)))
        {
            c.Lexicon.CompoundSuffixes.Add(FileContext.Fold(suffix));
        }
    }

    private static void AddSides(FileContext c, PhraseTrie<BodySide?> target, string key, bool required)
    {
        foreach (var (phrase, value) in c.Entries(c.Get(key, required), "phrase"))
        {
            BodySide? side = c.Scalar(value) switch
            {
                "left" => BodySide.Left,
                "right" => BodySide.Right,
                "both" => BodySide.Both,
                "none" => null,
                var other => Invalid(c, value.Line, other),
            };
            if (side is not { } s || s != BodySide.Unspecified)
            {
                c.AddPhrase(target, phrase.Value, phrase.Line, side, "side");
            }
        }
    }

    private static BodySide Invalid(FileContext c, int line, string value)
    {
        c.Error(line, $"unknown side '{value}' (expected left, right, both or none)");
        return BodySide.Unspecified;
    }

    // Optional: {code, from, before, after}, a body temperature in digits (TemperatureReading).
    private static void LoadTemperature(FileContext c, Catalog catalog)
    {
        if (c.OptionalNested("temperature", "temperature must be a mapping of code, from, before and after") is not { } nested)
        {
            return;
        }

        var codeNode = nested.Get("code");
        var code = codeNode is YamlScalar scalar ? scalar.Value : null;
        if (codeNode is not null and not YamlScalar)
        {
            c.Error(codeNode.Line, "code must be one red-flag code");
        }
        else if (code is not null && !catalog.Codes[CodeKinds.RedFlag].ContainsKey(code))
        {
            c.Error(nested.KeyLine("code"), $"unknown code '{code}' (not in {CodesFile})");
            code = null;
        }

        var fever = nested.Number(nested.Get("from"));
        if (fever is not null and (< TemperatureReading.Lowest or > TemperatureReading.Highest))
        {
            c.Error(nested.KeyLine("from"), $"from must be {TemperatureReading.Lowest} to {TemperatureReading.Highest} degrees");
            fever = null;
        }

        var reading = new TemperatureReading(code ?? string.Empty, fever ?? 0);
        nested.AddPhraseSet(reading.Before, nested.Get("before", required: false), "word before a temperature");
        nested.AddPhraseSet(reading.After, nested.Get("after"), "word after a temperature");
        nested.AddPhraseSet(reading.Fahrenheit, nested.Get("fahrenheit", required: false), "word after a temperature in Fahrenheit");
        nested.ReportUnknownKeys();
        if (code is not null && fever is not null)
        {
            c.Lexicon.Temperature = reading;
        }
    }

    // Optional: red-flag code -> the words that explain that sign away in its sentence ("op dieet" for weight loss), or
    // {signs, by}: the words (by) that explain only some of the code's phrases (signs) away, each one of its phrases.
    private static void LoadExplained(FileContext c, Catalog catalog)
    {
        foreach (var (code, node) in c.Entries(c.Get("explained", required: false), "code"))
        {
            if (!catalog.Codes[CodeKinds.RedFlag].ContainsKey(code.Value))
            {
                c.Error(code.Line, $"unknown code '{code.Value}' (not in {CodesFile})");
                continue;
            }

            var words = node;
            if (node is YamlMap map)
            {
                var nested = c.Nested(map);
                words = nested.Get("by");
                foreach (var (phrase, line) in nested.Strings(nested.Get("signs")))
                {
                    if (nested.AddPhrase(c.Lexicon.ExplainedSigns, phrase, line, code.Value, "sign explained", out var ids)
                        && !(c.Lexicon.RedFlags.TryMatchExactly(ids!.ToArray(), out var phraseCode) && phraseCode == code.Value))
                    {
                        c.Error(line, $"'{phrase}' is no phrase of '{code.Value}'");
                    }
                }

                nested.ReportUnknownKeys();
                c.Lexicon.PartlyExplained.Add(code.Value);
            }

            foreach (var (phrase, line) in c.Strings(words))
            {
                c.AddPhrase(c.Lexicon.Explanations, phrase, line, code.Value, "explaining word");
            }
        }
    }

    // Optional: red-flag code -> the red-flag or emergency codes it takes the place of where their words overlap.
    private static void LoadOutranks(FileContext c, Catalog catalog)
    {
        foreach (var (code, node) in c.Entries(c.Get("outranks", required: false), "code"))
        {
            if (!catalog.Codes[CodeKinds.RedFlag].ContainsKey(code.Value))
            {
                c.Error(code.Line, $"unknown code '{code.Value}' (not in {CodesFile})");
                continue;
            }

            var outranked = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (other, line) in c.Strings(node))
            {
                if (other == code.Value || !(catalog.Codes[CodeKinds.RedFlag].ContainsKey(other) || catalog.Codes[CodeKinds.Emergency].ContainsKey(other)))
                {
                    c.Error(line, $"'{other}' is no other red-flag or emergency code (not in {CodesFile})");
                    continue;
                }

                outranked.Add(other);
            }

            c.Lexicon.Outranks[code.Value] = outranked;
        }
    }

    // Optional: {people, self, selfToo, askingFor, reporting, relative, theirs}, what makes a phrase someone else's (SomeoneElse).
    private static void LoadSomeoneElse(FileContext c)
    {
        if (c.OptionalNested("someoneElse", "someoneElse must be a mapping of people, self, selfToo, askingFor, reporting, relative and theirs") is not { } nested)
        {
            return;
        }

        nested.AddPhraseSet(c.Lexicon.OtherPeople, nested.Get("people"), "name of someone else");
        nested.AddIdSet(c.Lexicon.SelfWords, nested.Get("self"));
        nested.AddPhraseSet(c.Lexicon.SelfToo, nested.Get("selfToo", required: false), "word for the person too");
        nested.AddPhraseSet(c.Lexicon.AskingFor, nested.Get("askingFor", required: false), "word of asking for someone else");
        nested.AddIdSet(c.Lexicon.ReportingWords, nested.Get("reporting", required: false));
        nested.AddIdSet(c.Lexicon.RelativeWords, nested.Get("relative", required: false));
        foreach (var (word, node) in nested.Entries(nested.Get("theirs", required: false), "word of someone else's"))
        {
            if (node is not YamlScalar own)
            {
                nested.Error(word.Line, $"theirs '{word.Value}' must name the person's own word it stands for");
                continue;
            }

            var theirs = new HashSet<int>();
            var mine = new HashSet<int>();
            nested.AddIds(theirs, word.Value, word.Line);
            nested.AddIds(mine, own.Value, own.Line);
            if (theirs.Count == 1 && mine.Count == 1)
            {
                c.Lexicon.TheirWords.Add(theirs.Single());
                c.Lexicon.OnBehalfAliases[theirs.Single()] = mine.Single();
            }
        }
        nested.ReportUnknownKeys();
    }

    private static void LoadNegation(FileContext c)
    {
        c.AddPhraseSet(c.Lexicon.NegationCues, c.Get("cues"), "negation cue", c.Lexicon.NegationWords);
        c.AddPhraseSet(c.Lexicon.PseudoNegations, c.Get("pseudo"), "pseudo-negation");
        c.AddPhraseSet(c.Lexicon.TrailingNegations, c.Get("after", required: false), "trailing negation");
        c.AddIdSet(c.Lexicon.ScopeBreaks, c.Get("breaks"));
        c.AddIdSet(c.Lexicon.NegationClosers, c.Get("closers", required: false));
        c.AddIdSet(c.Lexicon.ListJoiners, c.Get("listJoiners", required: false));
        c.AddPhraseSet(c.Lexicon.Uncertain, c.Get("uncertain", required: false), "word of uncertainty");
        var window = c.Number(c.Get("window"));
        if (window is >= 1 and <= 20)
        {
            c.Lexicon.NegationWindow = (int)window.Value;
        }
        else if (window is not null)
        {
            c.Error(c.Get("window")!.Line, "window must be a whole number of words from 1 to 20");
        }
    }

    private static void LoadCoded(
        FileContext c,
        string key,
        string kind,
        Catalog catalog,
        Dictionary<(string Kind, string Code), List<(string Language, string File, int Line)>> seen,
        Dictionary<(string Language, string Kind), (string File, int Line)> sectionLines,
        Action<FileContext, string, YamlNode> load)
    {
        var section = c.Get(key);
        if (section is null)
        {
            return;
        }

        sectionLines[(c.Lexicon.Name, kind)] = (c.Path, c.KeyLine(key));
        var codes = catalog.Codes[kind];
        foreach (var (code, value) in c.Entries(section, "code"))
        {
            if (!codes.ContainsKey(code.Value))
            {
                c.Error(code.Line, $"unknown code '{code.Value}' (not in {CodesFile})");
                continue;
            }

            if (!seen.TryGetValue((kind, code.Value), out var list))
            {
                list = [];
                seen.Add((kind, code.Value), list);
            }

            list.Add((c.Lexicon.Name, c.Path, code.Line));
            load(c, code.Value, value);
        }
    }

    private static void AddPhrases(FileContext c, PhraseTrie<string> trie, YamlNode node, string code, string what)
    {
        foreach (var (phrase, line) in c.Strings(node))
        {
            c.AddPhrase(trie, phrase, line, code, what);
        }
    }

    /// <summary>The kinds of stable code in <c>codes.yaml</c>.</summary>
    private static class CodeKinds
    {
        public const string BodyLocation = "body location";
        public const string RedFlag = "red flag";
        public const string Emergency = "emergency";
    }

    private sealed class Catalog
    {
        public Dictionary<string, Dictionary<string, int>> Codes { get; } = new(StringComparer.Ordinal)
        {
            [CodeKinds.BodyLocation] = new(StringComparer.Ordinal),
            [CodeKinds.RedFlag] = new(StringComparer.Ordinal),
            [CodeKinds.Emergency] = new(StringComparer.Ordinal),
        };

        public Dictionary<string, EmergencyCategory> Emergencies { get; } = new(StringComparer.Ordinal);

        public HashSet<string> InTheLeg { get; } = new(StringComparer.Ordinal);
    }

    /// <summary>One file (or one nested mapping of it) being read: typed access that reports problems at their line.</summary>
    private sealed class FileContext(string path, YamlMap root, List<LexiconError> errors, LanguageLexicon lexicon)
    {
        private readonly Dictionary<string, KeyValuePair<YamlScalar, YamlNode>> _keys = Index(path, root, errors);
        private readonly HashSet<string> _used = new(StringComparer.Ordinal);

        public string Path { get; } = path;

        public YamlMap Root { get; } = root;

        public LanguageLexicon Lexicon { get; } = lexicon;

        /// <summary>
        /// Whether a phrase added now, of a sign or of none, also matches with its first word moved further on (words.yaml
        /// <c>verbLast</c>).
        /// </summary>
        public bool VerbLast { get; set; }

        /// <summary>Whether a phrase with a word of words.yaml <c>sided</c> is added with its compounds too.</summary>
        public bool Sided { get; set; }

        // The phrases of words.yaml verbLast and sided, added once the file's own phrases are in, so that one the file
        // lists itself keeps its code.
        private List<Action> Variants { get; init; } = [];

        public FileContext Nested(YamlMap map) => new(Path, map, errors, Lexicon) { VerbLast = VerbLast, Sided = Sided, Variants = Variants };

        /// <summary>Adds the phrases of <see cref="VerbLast"/> and <see cref="Sided"/>, each unless the trie has it already.</summary>
        public void AddVariants()
        {
            foreach (var add in Variants)
            {
                add();
            }

            Variants.Clear();
        }

        /// <summary>An optional section that must be a mapping: null when it is absent, or reported as not one.</summary>
        public FileContext? OptionalNested(string key, string notAMapping)
        {
            if (Get(key, required: false) is not { } node)
            {
                return null;
            }

            if (node is not YamlMap map)
            {
                Error(node.Line, notAMapping);
                return null;
            }

            return Nested(map);
        }

        public void Error(int line, string message) => errors.Add(new LexiconError(Path, line, message));

        public int KeyLine(string key) => _keys.TryGetValue(key, out var entry) ? entry.Key.Line : Root.Line;

        public YamlNode? Get(string key, bool required = true)
        {
            _used.Add(key);
            if (_keys.TryGetValue(key, out var entry))
            {
                return entry.Value;
            }

            if (required)
            {
                Error(Root.Line, $"missing key '{key}'");
            }

            return null;
        }

        public void ReportUnknownKeys()
        {
            foreach (var (key, entry) in _keys)
            {
                if (!_used.Contains(key))
                {
                    Error(entry.Key.Line, $"unknown key '{key}'");
                }
            }
        }

        public List<KeyValuePair<YamlScalar, YamlNode>> Entries(YamlNode? node, string what)
        {
            if (node is null || (node is YamlScalar { Value: "" }))
            {
                return [];
            }

            if (node is not YamlMap map)
            {
                Error(node.Line, $"expected a mapping of {what}s");
                return [];
            }

            var first = new Dictionary<string, int>(StringComparer.Ordinal);
            var result = new List<KeyValuePair<YamlScalar, YamlNode>>();
            foreach (var entry in map.Entries)
            {
                if (first.TryGetValue(entry.Key.Value, out var line))
                {
                    Error(entry.Key.Line, $"duplicate {what} '{entry.Key.Value}' (first on line {line.ToString(CultureInfo.InvariantCulture)})");
                    continue;
                }

                first.Add(entry.Key.Value, entry.Key.Line);
                result.Add(entry);
            }

            return result;
        }

        public List<(string Text, int Line)> Strings(YamlNode? node)
        {
            var result = new List<(string, int)>();
            switch (node)
            {
                case null:
                    break;
                case YamlScalar { Value: "" }:
                    break;
                case YamlScalar scalar:
                    result.Add((scalar.Value, scalar.Line));
                    break;
                case YamlList list:
                    foreach (var item in list.Items)
                    {
                        if (item is YamlScalar s)
                        {
                            result.Add((s.Value, s.Line));
                        }
                        else
                        {
                            Error(item.Line, "expected a word or phrase, not a list or mapping");
                        }
                    }

                    break;
                default:
                    Error(node.Line, "expected a list of words or phrases");
                    break;
            }

            return result;
        }

        public string Scalar(YamlNode node)
        {
            if (node is YamlScalar scalar)
            {
                return scalar.Value;
            }

            Error(node.Line, "expected a single value");
            return "";
        }

        public double? Number(YamlNode? node)
        {
            if (node is null)
            {
                return null;
            }

            var text = Scalar(node);
            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                return value;
            }

            if (node is YamlScalar)
            {
                Error(node.Line, $"'{text}' is not a number");
            }

            return null;
        }

        public char Character(YamlNode? node, char fallback)
        {
            if (node is null)
            {
                return fallback;
            }

            var text = Scalar(node);
            if (text.Length == 1)
            {
                return text[0];
            }

            Error(node.Line, $"expected one character, not '{text}'");
            return fallback;
        }

        public static string Fold(string text)
        {
            var normalized = TextNormalizer.Normalize(text);
            return new string(normalized.Slice(0, normalized.Length)).Trim();
        }

        /// <summary>The folded form of a one-token word, or null (reported) when it is more than one.</summary>
        public string? SingleWord(string word, int line)
        {
            var tokens = Tokenizer.Tokenize(word, NoWords, '.', ',');
            if (tokens.Count != 1)
            {
                Error(line, $"'{word}' must be a single word");
                return null;
            }

            return new string(tokens.TextOf(0));
        }

        public void AddIds(HashSet<int> target, string phrase, int line)
        {
            if (Compile(phrase, line) is { Count: 1 } ids && ids[0] >= 0)
            {
                target.Add(ids[0]);
            }
            else
            {
                Error(line, $"'{phrase}' must be a single word or mark");
            }
        }

        public void AddIdSet(HashSet<int> target, YamlNode? node)
        {
            foreach (var (word, line) in Strings(node))
            {
                AddIds(target, word, line);
            }
        }

        public void AddPhraseSet(PhraseTrie<bool> trie, YamlNode? node, string what, HashSet<int>? singleWords = null)
        {
            foreach (var (phrase, line) in Strings(node))
            {
                if (AddPhrase(trie, phrase, line, true, what, out var ids) && singleWords is not null && ids is [var only] && only >= 0)
                {
                    singleWords.Add(only);
                }
            }
        }

        public bool AddPhrase<T>(PhraseTrie<T> trie, string phrase, int line, T value, string what) =>
            AddPhrase(trie, phrase, line, value, what, out _);

        /// <summary><see cref="AddPhrase{T}(PhraseTrie{T}, string, int, T, string)"/>, with the phrase's vocabulary ids.</summary>
        public bool AddPhrase<T>(PhraseTrie<T> trie, string phrase, int line, T value, string what, out List<int>? ids)
        {
            ids = Compile(phrase, line);
            if (ids is null)
            {
                return false;
            }

            if (!trie.TryAdd(ids, value, out var existing))
            {
                var earlier = existing is string code ? $" (already for '{code}')" : existing is LocationEntry entry ? $" (already for '{entry.Code}')" : "";
                Error(line, $"duplicate {what} '{phrase}'{earlier}");
                return false;
            }

            // "Arm valt weg" holds for "linkerarm valt weg": each word of a body part in turn joined to each side prefix.
            if (Sided && Lexicon.SidedWords.Count > 0)
            {
                for (var k = 0; k < ids.Count; k++)
                {
                    if (Lexicon.SidedWords.TryGetValue(ids[k], out var compounds))
                    {
                        foreach (var compound in compounds)
                        {
                            List<int> sided = [.. ids[..k], compound, .. ids[(k + 1)..]];
                            Variants.Add(() => trie.TryAdd(sided, value, out _));
                            AddVerbLast(trie, sided, value);
                        }
                    }
                }
            }

            AddVerbLast(trie, ids, value);
            return true;
        }

        // "kan ... niet plassen", said in a clause that puts its verb further on: "dat ik niet plassen kan", "dat ik
        // sinds gisteren niet kan plassen", "dat ik niet kan plassen als er iemand is". The verb goes after each word of
        // the rest; a gap right after it goes, since what it skipped now comes before the phrase. A phrase with the
        // subject after its verb ("val ik af") has its order already.
        private void AddVerbLast<T>(PhraseTrie<T> trie, List<int> ids, T value)
        {
            if (VerbLast && ids.Count > 1 && Lexicon.VerbLastWords.Contains(ids[0]) && Lexicon.Vocabulary.Inverted?.Contains(ids[1]) != true)
            {
                var rest = ids[1] == PhraseTrie<T>.Gap ? ids[2..] : ids[1..];
                for (var at = 1; at <= rest.Count; at++)
                {
                    List<int> moved = [.. rest[..at], ids[0], .. rest[at..]];
                    Variants.Add(() => trie.TryAdd(moved, value, out _));
                }
            }
        }

        /// <summary>Turns a phrase into vocabulary ids, the way the tokenizer will see the words at run time.</summary>
        private List<int>? Compile(string phrase, int line)
        {
            var ids = new List<int>();
            var parts = phrase.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            for (var p = 0; p < parts.Length; p++)
            {
                if (parts[p] == "...")
                {
                    if (p == 0 || p == parts.Length - 1 || ids[^1] == PhraseTrie<int>.Gap)
                    {
                        Error(line, $"'...' must stand between words in '{phrase}'");
                        return null;
                    }

                    ids.Add(PhraseTrie<int>.Gap);
                    continue;
                }

                var tokens = Tokenizer.Tokenize(parts[p], NoWords, '.', ',');
                for (var t = 0; t < tokens.Count; t++)
                {
                    if (tokens.Tokens[t].Kind == TokenKind.Number)
                    {
                        Error(line, $"digits are not allowed in phrase '{phrase}'");
                        return null;
                    }

                    ids.Add(Lexicon.Vocabulary.Add(new string(tokens.TextOf(t))));
                }
            }

            if (ids.Count == 0)
            {
                Error(line, "empty phrase");
                return null;
            }

            return ids;
        }

        private static Dictionary<string, KeyValuePair<YamlScalar, YamlNode>> Index(string path, YamlMap map, List<LexiconError> errors)
        {
            var keys = new Dictionary<string, KeyValuePair<YamlScalar, YamlNode>>(StringComparer.Ordinal);
            foreach (var entry in map.Entries)
            {
                if (!keys.TryAdd(entry.Key.Value, entry))
                {
                    errors.Add(new LexiconError(path, entry.Key.Line, $"duplicate key '{entry.Key.Value}' (first on line {keys[entry.Key.Value].Key.Line.ToString(CultureInfo.InvariantCulture)})"));
                }
            }

            return keys;
        }
    }
}
