using System.Collections.Immutable;
using System.Globalization;

namespace BotTriage.Core.Conditions;

/// <summary>
/// A guard or routing condition written in dialogs/, readable by a clinician:
/// <code>
/// pain &gt;= 7 and duration.weeks &gt; 12
/// location in [calf, hamstrings] and not (redflags has calf-thrombosis)
/// exists redflags
/// </code>
/// Operators: <c>== != &lt; &lt;= &gt; &gt;=</c>, <c>has</c> (a set contains a code), <c>in [a, b]</c> (a value or any
/// member of a set is listed), <c>only in [a, b]</c> (a value or every member of a non-empty set is listed),
/// <c>exists</c>, <c>and</c>, <c>or</c>, <c>not</c>, parentheses.
/// A reference that has no value (a question not answered) makes every comparison on it false, so an unanswered
/// question never triggers a rule by accident.
/// </summary>
public sealed class Condition
{
    private readonly Node _root;

    private Condition(string text, Node root, ImmutableArray<string> references, ImmutableArray<string> affirmed, ImmutableArray<string> symbols)
    {
        Text = text;
        _root = root;
        References = references;
        AffirmedReferences = affirmed;
        Symbols = symbols;
    }

    /// <summary>The condition as written.</summary>
    public string Text { get; }

    /// <summary>Every reference the condition reads, in order of appearance, without duplicates.</summary>
    public ImmutableArray<string> References { get; }

    /// <summary>
    /// The references read outside any <c>not</c>, in order: what the condition holds because of, where one read inside
    /// <c>not (...)</c> only rules something out (a reason quotes the first, not the second).
    /// </summary>
    public ImmutableArray<string> AffirmedReferences { get; }

    /// <summary>Every code the condition compares with (<c>fever</c> in <c>redflags has fever</c>), without duplicates.</summary>
    public ImmutableArray<string> Symbols { get; }

    /// <summary>Parses a condition; throws <see cref="ConditionSyntaxException"/> with the offending position.</summary>
    public static Condition Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parser = new Parser(text);
        var root = parser.ParseAll();
        return new Condition(text, root, [.. parser.References], [.. parser.Affirmed], [.. parser.Symbols.Distinct(StringComparer.Ordinal)]);
    }

    public bool Evaluate(IConditionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return _root.Evaluate(context);
    }

    public override string ToString() => Text;

    private abstract class Node
    {
        public abstract bool Evaluate(IConditionContext context);
    }

    private sealed class AndNode(Node left, Node right) : Node
    {
        public override bool Evaluate(IConditionContext context) => left.Evaluate(context) && right.Evaluate(context);
    }

    private sealed class OrNode(Node left, Node right) : Node
    {
        public override bool Evaluate(IConditionContext context) => left.Evaluate(context) || right.Evaluate(context);
    }

    private sealed class NotNode(Node inner) : Node
    {
        public override bool Evaluate(IConditionContext context) => !inner.Evaluate(context);
    }

    private sealed class ExistsNode(string reference) : Node
    {
        public override bool Evaluate(IConditionContext context)
        {
            var value = context.Resolve(reference);
            return !value.IsMissing && (value.Set is null || !value.Set.IsEmpty);
        }
    }

    /// <summary>A comparison, with its operator resolved once when the condition is parsed rather than on every evaluation.</summary>
    private sealed class CompareNode(string reference, string op, Operand operand) : Node
    {
        private readonly Operator _operator = op switch
        {
            "==" => Operator.Equal,
            "!=" => Operator.NotEqual,
            "has" => Operator.Has,
            "in" => Operator.In,
            "only in" => Operator.OnlyIn,
            "<" => Operator.Less,
            "<=" => Operator.LessOrEqual,
            ">" => Operator.Greater,
            ">=" => Operator.GreaterOrEqual,
            _ => throw new ArgumentOutOfRangeException(nameof(op), op, "Unknown operator."),
        };

        private enum Operator
        {
            Equal,
            NotEqual,
            Has,
            In,
            OnlyIn,
            Less,
            LessOrEqual,
            Greater,
            GreaterOrEqual,
        }

        public override bool Evaluate(IConditionContext context)
        {
            var value = context.Resolve(reference);
            if (value.IsMissing)
            {
                return false;
            }

            return _operator switch
            {
                Operator.Equal => Equal(value, operand),
                Operator.NotEqual => !Equal(value, operand),
                Operator.Has => value.Set is { } set ? set.Contains(operand.Word!) : value.Symbol == operand.Word,
                Operator.In => value.Set is { } members ? AnyListed(members, operand.List) : operand.List.Contains(value.Symbol ?? FormatNumber(value.Number)!),
                Operator.OnlyIn => value.Set is { } all ? !all.IsEmpty && all.All(operand.List.Contains) : operand.List.Contains(value.Symbol ?? FormatNumber(value.Number)!),
                _ => Compare(value, operand, _operator),
            };
        }

        private static bool AnyListed(ImmutableHashSet<string> members, ImmutableArray<string> list)
        {
            foreach (var item in list)
            {
                if (members.Contains(item))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool Equal(ConditionValue value, Operand operand) =>
            operand.Number is { } n ? value.Number == n : value.Symbol is not null && value.Symbol == operand.Word;

        private static bool Compare(ConditionValue value, Operand operand, Operator op)
        {
            if (value.Number is not { } left || operand.Number is not { } right)
            {
                return false;
            }

            return op switch
            {
                Operator.Less => left < right,
                Operator.LessOrEqual => left <= right,
                Operator.Greater => left > right,
                Operator.GreaterOrEqual => left >= right,
                _ => false,
            };
        }

        private static string? FormatNumber(double? number) => number?.ToString(CultureInfo.InvariantCulture);
    }

    private sealed record Operand(string? Word, double? Number, ImmutableArray<string> List);

    private sealed class Parser(string text)
    {
        private static readonly string[] Comparisons = ["==", "!=", "<=", ">=", "<", ">"];
        private int _position;

        private int _negations;

        public List<string> References { get; } = [];

        public List<string> Affirmed { get; } = [];

        public List<string> Symbols { get; } = [];

        public Node ParseAll()
        {
            var node = ParseOr();
            SkipSpace();
            if (_position < text.Length)
            {
                throw Error($"unexpected '{Rest()}'");
            }

            return node;
        }

        private Node ParseOr()
        {
            var left = ParseAnd();
            while (TryKeyword("or"))
            {
                left = new OrNode(left, ParseAnd());
            }

            return left;
        }

        private Node ParseAnd()
        {
            var left = ParseNot();
            while (TryKeyword("and"))
            {
                left = new AndNode(left, ParseNot());
            }

            return left;
        }

        private Node ParseNot()
        {
            if (!TryKeyword("not"))
            {
                return ParseAtom();
            }

            _negations++;
            var negated = new NotNode(ParseNot());
            _negations--;
            return negated;
        }

        private Node ParseAtom()
        {
            SkipSpace();
            if (TrySymbol("("))
            {
                var inner = ParseOr();
                if (!TrySymbol(")"))
                {
                    throw Error("expected ')'");
                }

                return inner;
            }

            if (TryKeyword("exists"))
            {
                return new ExistsNode(ReadReference());
            }

            var reference = ReadReference();
            SkipSpace();
            foreach (var comparison in Comparisons)
            {
                if (TrySymbol(comparison))
                {
                    return new CompareNode(reference, comparison, ReadScalar(numeric: comparison is not ("==" or "!=")));
                }
            }

            if (TryKeyword("has"))
            {
                var code = ReadWord("a code after 'has'");
                Symbols.Add(code);
                return new CompareNode(reference, "has", new Operand(code, null, []));
            }

            if (TryKeyword("in"))
            {
                return new CompareNode(reference, "in", ReadList());
            }

            if (TryKeyword("only"))
            {
                return TryKeyword("in") ? new CompareNode(reference, "only in", ReadList()) : throw Error($"expected 'in' after 'only', found '{Rest()}'");
            }

            throw Error(_position < text.Length ? $"expected an operator after '{reference}', found '{Rest()}'" : $"expected an operator after '{reference}'");
        }

        private string ReadReference()
        {
            var word = ReadWord("a question or value name");
            if (!References.Contains(word))
            {
                References.Add(word);
            }

            if (_negations % 2 == 0 && !Affirmed.Contains(word))
            {
                Affirmed.Add(word);
            }

            return word;
        }

        private Operand ReadScalar(bool numeric)
        {
            SkipSpace();
            var start = _position;
            var word = ReadWord("a value");
            if (double.TryParse(word, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
            {
                return new Operand(word, number, []);
            }

            if (numeric)
            {
                throw new ConditionSyntaxException($"expected a number, found '{word}'", start);
            }

            Symbols.Add(word);
            return new Operand(word, null, []);
        }

        private Operand ReadList()
        {
            SkipSpace();
            if (!TrySymbol("["))
            {
                throw Error("expected '[' after 'in'");
            }

            var items = ImmutableArray.CreateBuilder<string>();
            do
            {
                items.Add(ReadWord("a code in the list"));
            }
            while (TrySymbol(","));

            Symbols.AddRange(items);
            return TrySymbol("]") ? new Operand(null, null, items.ToImmutable()) : throw Error("expected ']'");
        }

        private string ReadWord(string what)
        {
            SkipSpace();
            var start = _position;
            while (_position < text.Length && IsWordChar(text[_position]))
            {
                _position++;
            }

            return _position > start ? text[start.._position] : throw Error($"expected {what}");
        }

        private bool TryKeyword(string keyword)
        {
            SkipSpace();
            var end = _position + keyword.Length;
            if (end <= text.Length
                && string.CompareOrdinal(text, _position, keyword, 0, keyword.Length) == 0
                && (end == text.Length || !IsWordChar(text[end])))
            {
                _position = end;
                return true;
            }

            return false;
        }

        private bool TrySymbol(string symbol)
        {
            SkipSpace();
            if (string.CompareOrdinal(text, _position, symbol, 0, symbol.Length) == 0 && _position + symbol.Length <= text.Length)
            {
                _position += symbol.Length;
                return true;
            }

            return false;
        }

        private void SkipSpace()
        {
            while (_position < text.Length && char.IsWhiteSpace(text[_position]))
            {
                _position++;
            }
        }

        private string Rest() => text[_position..];

        private static bool IsWordChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.';

        private ConditionSyntaxException Error(string message) => new(message, _position);
    }
}
