using System.Text.Json.Serialization;
using Crm.Silo.Tests.Runtime;
using Crm.Silo.Tests.Storage;

namespace Crm.Silo.Tests.Infrastructure;

[JsonSerializable(typeof(CounterState))]
[JsonSerializable(typeof(StampState))]
internal sealed partial class TestJsonContext : JsonSerializerContext;
