using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime;
using Orleans.Providers;
using Orleans.Storage;

namespace Crm.Silo.Storage;

/// <summary>Orleans' attribute-to-factory mapping for <see cref="ReadModelStateAttribute"/>: builds the state facet of each activation.</summary>
internal sealed class ReadModelStateMapper : IAttributeToFactoryMapper<ReadModelStateAttribute>
{
    private static readonly MethodInfo CreateMethod = typeof(ReadModelStateMapper).GetMethod(nameof(Create), BindingFlags.NonPublic | BindingFlags.Static)!;

    public Factory<IGrainContext, object> GetFactory(ParameterInfo parameter, ReadModelStateAttribute attribute)
    {
        if (!parameter.ParameterType.IsGenericType || parameter.ParameterType.GetGenericTypeDefinition() != typeof(IReadModelState<>))
        {
            throw new InvalidOperationException(
                $"[ReadModelState] on {parameter.Member.DeclaringType?.Name}({parameter.Name}) needs a parameter of type IReadModelState<TState>, not {parameter.ParameterType.Name}.");
        }

        // Bound once per grain class, so an activation pays a delegate call rather than reflection.
        var create = CreateMethod.MakeGenericMethod(parameter.ParameterType.GetGenericArguments()).CreateDelegate<Func<IGrainContext, string, object>>();
        var stateName = attribute.StateName;
        return context => create(context, stateName);
    }

    private static ReadModelState<TState> Create<TState>(IGrainContext context, string stateName)
        where TState : new()
    {
        var storage = context.ActivationServices.GetRequiredKeyedService<IGrainStorage>(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME) as GroupCommitGrainStorage
            ?? throw new InvalidOperationException("[ReadModelState] needs the group-commit storage as the silo's default grain storage.");
        return new ReadModelState<TState>(context, stateName, storage);
    }
}
