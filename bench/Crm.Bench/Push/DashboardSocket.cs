using System.Buffers;
using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace Crm.Bench.Push;

/// <summary>
/// One dashboard on the hub over a bare WebSocket speaking SignalR's JSON protocol. Every dashboard reads everything
/// it is sent; sampled ones also note when each customer's row and each stats push arrived, for the latency figures.
/// </summary>
public sealed class DashboardSocket : IAsyncDisposable
{
    private const byte RecordSeparator = 0x1e;
    private readonly ClientWebSocket _socket = new();
    private readonly bool _sampled;
    private readonly List<(string CustomerId, int Messages, long At)> _rows = [];
    private readonly List<long> _stats = [];
    private Task _reading = Task.CompletedTask;

    private DashboardSocket(bool sampled, IReadOnlyList<string> watched)
    {
        _sampled = sampled;
        Watched = watched.ToHashSet(StringComparer.Ordinal);
    }

    public IReadOnlySet<string> Watched { get; }

    public long MessagesReceived { get; private set; }

    public IReadOnlyList<(string CustomerId, int Messages, long At)> Rows => _rows;

    public IReadOnlyList<long> StatsArrivals => _stats;

    /// <summary>Connects and, as a list page does, asks for the rows of <paramref name="watched"/> only.</summary>
    public static async Task<DashboardSocket> ConnectAsync(Uri service, string key, bool sampled, IReadOnlyList<string> watched)
    {
        var dashboard = new DashboardSocket(sampled, watched);
        var address = new UriBuilder(service) { Scheme = "ws", Path = "/hubs/dashboard", Query = $"access_token={Uri.EscapeDataString(key)}" }.Uri;
        await dashboard._socket.ConnectAsync(address, CancellationToken.None);
        await dashboard.SendAsync("""{"protocol":"json","version":1}""");
        await dashboard.SendAsync(JsonSerializer.Serialize(new { type = 1, invocationId = "1", target = "watchCustomers", arguments = new object[] { watched } }));
        dashboard._reading = Task.Run(dashboard.ReadAsync);
        return dashboard;
    }

    private Task SendAsync(string json) =>
        _socket.SendAsync(Encoding.UTF8.GetBytes(json + (char)RecordSeparator), WebSocketMessageType.Text, true, CancellationToken.None);

    private async Task ReadAsync()
    {
        var buffer = new byte[256 * 1024];
        var pending = new ArrayBufferWriter<byte>();
        try
        {
            while (true)
            {
                var result = await _socket.ReceiveAsync(buffer, CancellationToken.None);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return;
                }

                var received = buffer.AsSpan(0, result.Count);
                if (!_sampled)
                {
                    MessagesReceived += received.Count(RecordSeparator);
                    continue;
                }

                pending.Write(received);
                Split(pending);
            }
        }
        catch (WebSocketException)
        {
        }
    }

    private void Split(ArrayBufferWriter<byte> pending)
    {
        var data = pending.WrittenSpan;
        var consumed = 0;
        int end;
        while ((end = data[consumed..].IndexOf(RecordSeparator)) >= 0)
        {
            Record(data.Slice(consumed, end));
            consumed += end + 1;
        }

        var rest = data[consumed..].ToArray();
        pending.Clear();
        pending.Write(rest);
    }

    private void Record(ReadOnlySpan<byte> message)
    {
        MessagesReceived++;
        var now = Stopwatch.GetTimestamp();
        using var document = JsonDocument.Parse(message.ToArray());
        var root = document.RootElement;
        if (!root.TryGetProperty("target", out var target))
        {
            return;
        }

        if (target.ValueEquals("customerChanged"))
        {
            var row = root.GetProperty("arguments")[0];
            _rows.Add((row.GetProperty("id").GetString()!, row.GetProperty("messages").GetInt32(), now));
        }
        else if (target.ValueEquals("statsChanged"))
        {
            _stats.Add(now);
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
            await _reading.WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (Exception error) when (error is WebSocketException or TimeoutException)
        {
        }

        _socket.Dispose();
    }
}
