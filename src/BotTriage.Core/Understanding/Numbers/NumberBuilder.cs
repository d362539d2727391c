using BotTriage.Core.Understanding.Lexicons;

namespace BotTriage.Core.Understanding.Numbers;

/// <summary>
/// Composes number-word parts left to right (<c>twee|honderd|vijf|en|twintig</c>, <c>twenty|-|one</c>) and refuses
/// sequences no one writes (<c>twee drie</c>), so a number ends where the words stop making one number.
/// A struct so a caller can try a part on a copy and keep the original when it does not fit.
/// </summary>
internal struct NumberBuilder
{
    private double _total;
    private double _hundreds;
    private double _segment;
    private double _fraction;
    private double _lastValue;
    private MorphemeKind _lastKind;
    private bool _done;

    public bool Any { get; private set; }

    public bool JoinerPending { get; private set; }

    public bool IsFraction { get; private set; }

    public readonly double Value => _total + _hundreds + _segment + _fraction;

    public bool Add(NumberMorpheme part)
    {
        if (_done)
        {
            return false;
        }

        switch (part.Kind)
        {
            case MorphemeKind.Value:
                if (!AddValue(part.Value))
                {
                    return false;
                }

                break;
            case MorphemeKind.Multiplier:
                if (JoinerPending || !AddMultiplier(part.Value))
                {
                    return false;
                }

                break;
            case MorphemeKind.Joiner:
                if (!Any || JoinerPending)
                {
                    return false;
                }

                JoinerPending = true;
                return true;
            case MorphemeKind.Fraction:
                // "tweeënhalf" (2 + 1/2) or "tweederde" (2/3); a fraction ends the number.
                if (!Any || _lastKind != MorphemeKind.Value)
                {
                    return false;
                }

                if (JoinerPending)
                {
                    _fraction = 1 / part.Value;
                }
                else
                {
                    _segment /= part.Value;
                    IsFraction = true;
                }

                _done = true;
                break;
            default:
                if (Any)
                {
                    return false;
                }

                _segment = part.Value;
                _done = true;
                break;
        }

        Any = true;
        JoinerPending = false;
        _lastKind = part.Kind;
        _lastValue = part.Value;
        return true;
    }

    private bool AddValue(double value)
    {
        if (!Any)
        {
            _segment = value;
            _done = value == 0;
            return true;
        }

        var afterTens = _lastKind == MorphemeKind.Value && _lastValue >= 20 && _lastValue % 10 == 0 && value is >= 1 and <= 9;
        if (JoinerPending)
        {
            var unitAndTens = _lastKind == MorphemeKind.Value && _lastValue is >= 1 and <= 9 && _segment == _lastValue && value >= 20 && value % 10 == 0;
            var afterMultiplier = _lastKind == MorphemeKind.Multiplier && _segment == 0 && value < 100;
            if (unitAndTens || afterMultiplier || afterTens)
            {
                _segment += value;
                return true;
            }

            return false;
        }

        if (afterTens)
        {
            _segment += value;
            return true;
        }

        if (_lastKind == MorphemeKind.Multiplier && _segment == 0)
        {
            _segment = value;
            return true;
        }

        return false;
    }

    private bool AddMultiplier(double multiplier)
    {
        if (multiplier < 1000)
        {
            if (_hundreds != 0)
            {
                return false;
            }

            _hundreds = (_segment == 0 ? 1 : _segment) * multiplier;
            _segment = 0;
            return true;
        }

        var factor = _hundreds + _segment;
        if (factor == 0)
        {
            factor = 1;
        }

        if (_total != 0 && _total <= factor * multiplier)
        {
            return false;
        }

        _total += factor * multiplier;
        _hundreds = 0;
        _segment = 0;
        return true;
    }
}
