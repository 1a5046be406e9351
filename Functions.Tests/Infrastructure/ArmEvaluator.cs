using System.Globalization;
using System.Text;
using System.Text.Json;
using Digest.Tests.TestSupport;

namespace Digest.Tests.Infrastructure;

/// <summary>What <c>fail()</c> in a template raised: Azure stops the deployment with this message.</summary>
internal sealed class ArmFailException(string message) : Exception(message);

/// <summary>
/// Evaluates the ARM expressions the compiled Bicep uses for its choices (conditions, and values that call
/// <c>fail()</c>) with given parameter values, as Azure would: <c>if()</c> evaluates only the branch it takes. It knows
/// the functions those expressions use and refuses any other, so a template change it cannot follow fails loudly.
/// </summary>
internal static class ArmEvaluator
{
    /// <summary>
    /// The value of an expression (<c>[...]</c> or its inside) or a literal string, in <paramref name="template"/>
    /// (whose variables it may read).
    /// </summary>
    public static object? Evaluate(string expression, IReadOnlyDictionary<string, object?> parameters, ArmTemplate? template = null)
    {
        if (expression.StartsWith('[') && expression.EndsWith(']') && !expression.StartsWith("[[", StringComparison.Ordinal))
        {
            expression = expression[1..^1];
        }
        else if (!expression.Contains('(', StringComparison.Ordinal))
        {
            return expression;
        }

        var parser = new Parser(expression);
        var node = parser.ParseExpression();
        parser.ExpectEnd();
        return node.Evaluate(new Scope(parameters, template));
    }

    /// <summary>A JSON value of a template (e.g. a variable) evaluated: strings as expressions.</summary>
    public static object? Evaluate(JsonElement value, IReadOnlyDictionary<string, object?> parameters, ArmTemplate? template = null) => value.ValueKind switch
    {
        JsonValueKind.String => Evaluate(value.GetString()!, parameters, template),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Number => value.GetInt64(),
        JsonValueKind.Object => value.EnumerateObject().ToDictionary(p => p.Name, p => Evaluate(p.Value, parameters, template)),
        _ => throw new NotSupportedException($"Cannot evaluate the JSON value {value}."),
    };

    /// <summary>
    /// The value <paramref name="template"/> passes to one parameter of its module <paramref name="module"/>, as Azure
    /// computes it from these parameters of the template: <c>{"value": ...}</c>, or the expression Bicep writes for a
    /// conditional value, <c>if(c, createObject('value', a), createObject('value', b))</c>.
    /// </summary>
    public static object? ModuleParameter(ArmTemplate template, string module, string parameter, IReadOnlyDictionary<string, object?> parameters)
    {
        var passed = template.Resources(nested: false).Single(r => r.IsModule && r.Name == module).Properties.GetProperty("parameters").GetProperty(parameter);
        return Evaluate(passed, parameters, template) is IDictionary<string, object?> wrapper && wrapper.TryGetValue("value", out var value)
            ? value
            : throw new InvalidOperationException($"{template.Path} passes module {module} parameter {parameter} as {passed}, not {{\"value\": ...}}.");
    }

    private sealed record Scope(IReadOnlyDictionary<string, object?> Parameters, ArmTemplate? Template);

    private abstract record Node
    {
        public abstract object? Evaluate(Scope scope);
    }

    private sealed record Literal(object? Value) : Node
    {
        public override object? Evaluate(Scope scope) => Value;
    }

    private sealed record Call(string Name, IReadOnlyList<Node> Arguments) : Node
    {
        public override object? Evaluate(Scope scope)
        {
            object? Arg(int i) => Arguments[i].Evaluate(scope);
            return Name.ToLowerInvariant() switch
            {
                "parameters" => scope.Parameters.TryGetValue((string)Arg(0)!, out var value)
                    ? value
                    : throw new KeyNotFoundException($"The expression reads parameter '{Arg(0)}', which the test gave no value."),
                "variables" when scope.Template is { } template => ArmEvaluator.Evaluate(template.Variable((string)Arg(0)!), scope.Parameters, template),
                "if" => Truth(Arg(0)) ? Arg(1) : Arg(2),
                "fail" => throw new ArmFailException((string)Arg(0)!),
                "equals" => Equals(Arg(0), Arg(1)),
                "not" => !Truth(Arg(0)),
                "and" => Arguments.All(a => Truth(a.Evaluate(scope))),
                "or" => Arguments.Any(a => Truth(a.Evaluate(scope))),
                "empty" => Arg(0) switch
                {
                    null => true,
                    string s => s.Length == 0,
                    IDictionary<string, object?> o => o.Count == 0,
                    var other => throw new NotSupportedException($"empty() of {other.GetType().Name}"),
                },
                "createobject" when Arguments.Count % 2 == 0 => Enumerable.Range(0, Arguments.Count / 2).ToDictionary(i => (string)Arg(2 * i)!, i => Arg((2 * i) + 1)),
                "true" => true,
                "false" => false,
                "string" => Convert.ToString(Arg(0), CultureInfo.InvariantCulture),
                "json" => ArmEvaluator.Evaluate(JsonDocument.Parse((string)Arg(0)!).RootElement.Clone(), new Dictionary<string, object?>()),
                _ => throw new NotSupportedException($"The test's ARM evaluator does not know {Name}() with {Arguments.Count} arguments."),
            };
        }

        private static bool Truth(object? value) => value as bool? ?? throw new InvalidOperationException($"'{value}' is not a bool.");
    }

    private sealed class Parser(string text)
    {
        private int _position;

        public Node ParseExpression()
        {
            SkipSpaces();
            if (Peek == '\'')
            {
                return new Literal(ReadString());
            }

            if (char.IsAsciiDigit(Peek) || Peek == '-')
            {
                var start = _position++;
                while (char.IsAsciiDigit(Peek))
                {
                    _position++;
                }

                return new Literal(long.Parse(text[start.._position], CultureInfo.InvariantCulture));
            }

            var nameStart = _position;
            while (char.IsAsciiLetterOrDigit(Peek))
            {
                _position++;
            }

            var name = text[nameStart.._position];
            if (name.Length == 0 || Peek != '(')
            {
                throw new NotSupportedException($"Cannot read '{text}' at {nameStart}: the test's ARM evaluator reads only literals and function calls.");
            }

            _position++;
            var arguments = new List<Node>();
            SkipSpaces();
            while (Peek != ')')
            {
                arguments.Add(ParseExpression());
                SkipSpaces();
                if (Peek == ',')
                {
                    _position++;
                }
                else if (Peek != ')')
                {
                    throw new NotSupportedException($"Cannot read '{text}' at {_position} (property access and indexes are not supported).");
                }
            }

            _position++;
            return new Call(name, arguments);
        }

        public void ExpectEnd()
        {
            SkipSpaces();
            if (_position != text.Length)
            {
                throw new NotSupportedException($"Cannot read '{text}' after {_position}.");
            }
        }

        private char Peek => _position < text.Length ? text[_position] : '\0';

        private string ReadString()
        {
            var value = new StringBuilder();
            _position++;
            while (true)
            {
                if (_position >= text.Length)
                {
                    throw new FormatException($"Unterminated string in '{text}'.");
                }

                if (text[_position] == '\'')
                {
                    if (_position + 1 < text.Length && text[_position + 1] == '\'')
                    {
                        value.Append('\'');
                        _position += 2;
                        continue;
                    }

                    _position++;
                    return value.ToString();
                }

                value.Append(text[_position++]);
            }
        }

        private void SkipSpaces()
        {
            while (_position < text.Length && text[_position] == ' ')
            {
                _position++;
            }
        }
    }
}
