using AiWorkload.Messaging.Rules.Sql.Syntax;

namespace AiWorkload.Messaging.Rules.Sql;

/// <summary>Compiles SET/REMOVE statements into delegates that run in order against one message.</summary>
internal sealed class ActionCompiler(SourceText source)
{
    private readonly ExpressionCompiler _expressions = new(source);

    public Action<IRuleMessage> Compile(StatementNode statement) => statement switch
    {
        SetNode set when set.Target.Scope == PropertyScope.System => CompileSetSystem(set),
        SetNode set => CompileSetUser(set),
        RemoveNode remove when remove.Target.Scope == PropertyScope.System => CompileRemoveSystem(remove.Target.Name),
        RemoveNode remove => CompileRemoveUser(remove.Target.Name),
        _ => throw new InvalidOperationException($"{statement.GetType().Name} is not a statement."),
    };

    // A missing user property on the right is unknown (docs); assigning unknown stores null, keeping the property
    // present so a later EXISTS sees it, as SET "creates a new property or updates" one.
    private Action<IRuleMessage> CompileSetUser(SetNode set)
    {
        var name = set.Target.Name;
        var value = _expressions.CompileValue(set.Value).Evaluate;
        return m =>
        {
            var result = value(m).ToObject();
            if (result is not null && m.TryGetApplicationProperty(name, out var existing) && existing is not null &&
                ImplicitConversion.TryConvert(result, existing.GetType(), out var converted))
            {
                result = converted;
            }

            m.SetApplicationProperty(name, result);
        };
    }

    private Action<IRuleMessage> CompileSetSystem(SetNode set)
    {
        var name = set.Target.Name;
        var value = _expressions.CompileValue(set.Value);
        if (value.IsConstant && !SystemValueConversion.TryConvert(name, value.Constant, out _))
        {
            throw source.Error(
                set.Value.StartToken, $"a {SystemProperties.GetValueType(name).Name} value for sys.{name}");
        }

        var evaluate = value.Evaluate;
        return m => m.SetSystemProperty(name, SystemValueConversion.Convert(name, evaluate(m)));
    }

    // REMOVE of a settable system property clears it: a system property cannot be absent, only unset.
    private static Action<IRuleMessage> CompileRemoveSystem(string name) => m => m.SetSystemProperty(name, null);

    private static Action<IRuleMessage> CompileRemoveUser(string name) => m => m.RemoveApplicationProperty(name);
}
