using System.Globalization;

namespace BotTriage.Core.StateMachines;

public sealed partial class StateMachine<TState, TTrigger>
{
    /// <summary>
    /// A trigger that carries arguments when fired; the argument types are fixed once per definition
    /// with <see cref="SetTriggerParameters{TArg}(TTrigger)"/>.
    /// </summary>
    public abstract class TriggerWithParameters
    {
        private protected TriggerWithParameters(TTrigger trigger, params Type[] parameterTypes)
        {
            Trigger = trigger;
            ParameterTypes = parameterTypes;
        }

        /// <summary>The underlying trigger value.</summary>
        public TTrigger Trigger { get; }

        /// <summary>The types of the arguments, in order.</summary>
        public IReadOnlyList<Type> ParameterTypes { get; }

        /// <summary>True when <paramref name="args"/> has the right number of arguments, each of the right type.</summary>
        public bool Accepts(IReadOnlyList<object?> args)
        {
            ArgumentNullException.ThrowIfNull(args);
            if (args.Count != ParameterTypes.Count)
            {
                return false;
            }

            for (var i = 0; i < args.Count; i++)
            {
                if (!IsAssignable(ParameterTypes[i], args[i]))
                {
                    return false;
                }
            }

            return true;
        }

        internal void ValidateArguments(IReadOnlyList<object?> args)
        {
            if (!Accepts(args))
            {
                throw new ArgumentException(
                    string.Create(
                        CultureInfo.InvariantCulture,
                        $"Trigger '{Trigger}' expects arguments ({Describe(ParameterTypes)}) but was fired with ({DescribeValues(args)})."),
                    nameof(args));
            }
        }

        internal bool HasSameSignatureAs(TriggerWithParameters other) =>
            ParameterTypes.SequenceEqual(other.ParameterTypes);

        internal static string Describe(IEnumerable<Type> types) => string.Join(", ", types.Select(t => t.Name));

        private static string DescribeValues(IReadOnlyList<object?> args) =>
            string.Join(", ", args.Select(a => a is null ? "null" : a.GetType().Name));

        private static bool IsAssignable(Type type, object? value) =>
            value is null
                ? !type.IsValueType || Nullable.GetUnderlyingType(type) is not null
                : type.IsInstanceOfType(value);
    }
}
