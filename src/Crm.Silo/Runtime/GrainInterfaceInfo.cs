using System.Reflection;

namespace Crm.Silo.Runtime;

/// <summary>A grain interface: the class implementing it and a <see cref="GrainMethod"/> for each of its methods, inherited ones included.</summary>
internal sealed class GrainInterfaceInfo
{
    public GrainInterfaceInfo(Type interfaceType, GrainTypeInfo implementation)
    {
        InterfaceType = interfaceType;
        Implementation = implementation;
        Methods = new[] { interfaceType }.Concat(interfaceType.GetInterfaces())
            .SelectMany(type => type.GetMethods(BindingFlags.Public | BindingFlags.Instance))
            .ToDictionary(method => method, GrainMethod.Create);
    }

    public Type InterfaceType { get; }

    public GrainTypeInfo Implementation { get; }

    public IReadOnlyDictionary<MethodInfo, GrainMethod> Methods { get; }
}
