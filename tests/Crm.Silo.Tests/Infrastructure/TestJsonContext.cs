using System.Text.Json.Serialization;
using Crm.Silo.Tests.Runtime;

namespace Crm.Silo.Tests.Infrastructure;

[JsonSerializable(typeof(CounterState))]
internal sealed partial class TestJsonContext : JsonSerializerContext;
