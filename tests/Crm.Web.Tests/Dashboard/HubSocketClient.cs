using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;

namespace Crm.Web.Tests.Dashboard;

/// <summary>
/// A dashboard speaking SignalR's JSON hub protocol over a bare <see cref="ClientWebSocket"/>: handshake, invocations
/// with completions, and every server invocation recorded with its arrival time.
/// </summary>
public sealed class HubSocketClient : IAsyncDisposable
{
    private const char RecordSeparator = '\u001e';
    private const int PingType = 6;
    private const string Ping = """{"type":6}""";
    private readonly ClientWebSocket _socket;
    private readonly Channel<JsonElement> _completions = Channel.CreateUnbounded<JsonElement>();
    private readonly Channel<HubMessage> _invocations = Channel.CreateUnbounded<HubMessage>();
    private readonly List<HubMessage> _received = [];
    private readonly SemaphoreSlim _sending = new(1, 1);
    private readonly Task _reading;
    private int _nextInvocationId;

    private HubSocketClient(ClientWebSocket socket)
    {
        _socket = socket;
        _reading = Task.Run(ReadAsync);
    }

    public sealed record HubMessage(string Target, JsonElement Argument, DateTimeOffset ArrivedAt);

    /// <summary>Everything received so far, in arrival order.</summary>
    public IReadOnlyList<HubMessage> Received
    {
        get
        {
            lock (_received)
            {
                return _received.ToArray();
            }
        }
    }

    public Task Closed => _reading;

    public static async Task<HubSocketClient> ConnectAsync(Uri service, string key)
    {
        var socket = new ClientWebSocket();
        var address = new UriBuilder(service) { Scheme = "ws", Path = "/hubs/dashboard", Query = $"access_token={Uri.EscapeDataString(key)}" }.Uri;
        await socket.ConnectAsync(address, CancellationToken.None);
        await SendTextAsync(socket, """{"protocol":"json","version":1}""");
        var client = new HubSocketClient(socket);
        var handshake = await client._completions.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));
        if (handshake.TryGetProperty("error", out var error))
        {
            throw new InvalidOperationException($"handshake refused: {error}");
        }

        // The handshake can finish before the server has put the connection in its groups; a completed call proves it has.
        await client.InvokeAsync("unfollowCustomer", new string('0', 32));
        return client;
    }

    /// <summary>Calls a hub method and waits for its completion; a hub error becomes an exception.</summary>
    public async Task InvokeAsync(string target, params object[] arguments)
    {
        var id = Interlocked.Increment(ref _nextInvocationId).ToString();
        await SendAsync(JsonSerializer.Serialize(new { type = 1, invocationId = id, target, arguments }));
        var completion = await _completions.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(id, completion.GetProperty("invocationId").GetString());
        if (completion.TryGetProperty("error", out var error))
        {
            throw new InvalidOperationException(error.GetString());
        }
    }

    /// <summary>
    /// Answers the first invocation of <paramref name="target"/> since connecting that satisfies <paramref name="match"/>,
    /// waiting for it if it has not arrived: pushes of one flush may come in any order the test did not expect.
    /// </summary>
    public async Task<JsonElement> WaitForAsync(string target, Func<JsonElement, bool> match, TimeSpan within)
    {
        using var timeout = new CancellationTokenSource(within);
        var scanned = 0;
        try
        {
            while (true)
            {
                var received = Received;
                for (; scanned < received.Count; scanned++)
                {
                    if (received[scanned].Target == target && match(received[scanned].Argument))
                    {
                        return received[scanned].Argument;
                    }
                }

                await _invocations.Reader.ReadAsync(timeout.Token);
            }
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"no {target} matching within {within}; received: {string.Join(", ", Received.Select(m => m.Target))}");
        }
    }

    private async Task ReadAsync()
    {
        var buffer = new byte[64 * 1024];
        var chars = new char[Encoding.UTF8.GetMaxCharCount(buffer.Length)];
        var decoder = Encoding.UTF8.GetDecoder();
        var pending = new StringBuilder();
        try
        {
            while (_socket.State == WebSocketState.Open)
            {
                var result = await _socket.ReceiveAsync(buffer, CancellationToken.None);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return;
                }

                pending.Append(chars, 0, decoder.GetChars(buffer, 0, result.Count, chars, 0));
                var text = pending.ToString();
                var end = text.LastIndexOf(RecordSeparator);
                if (end < 0)
                {
                    continue;
                }

                pending.Clear().Append(text[(end + 1)..]);
                foreach (var record in text[..end].Split(RecordSeparator))
                {
                    Dispatch(JsonDocument.Parse(record).RootElement.Clone());
                }
            }
        }
        catch (WebSocketException)
        {
        }
        finally
        {
            _invocations.Writer.TryComplete();
        }
    }

    private void Dispatch(JsonElement message)
    {
        if (!message.TryGetProperty("type", out var type) || type.GetInt32() == 3)
        {
            _completions.Writer.TryWrite(message);
        }
        else if (type.GetInt32() == PingType)
        {
            // The server closes a connection it has not heard from within its client timeout (30 s), as a real client's
            // keep-alive prevents: answering each of its pings keeps a long-watching dashboard open.
            _ = AnswerPingAsync();
        }
        else if (type.GetInt32() == 1)
        {
            var received = new HubMessage(message.GetProperty("target").GetString()!, message.GetProperty("arguments")[0], DateTimeOffset.UtcNow);
            lock (_received)
            {
                _received.Add(received);
            }

            _invocations.Writer.TryWrite(received);
        }
    }

    /// <summary>One send at a time: a WebSocket allows no concurrent sends, and pings answer while calls are made.</summary>
    private async Task SendAsync(string json)
    {
        await _sending.WaitAsync();
        try
        {
            await SendTextAsync(_socket, json);
        }
        finally
        {
            _sending.Release();
        }
    }

    /// <summary>A ping that finds the socket closing is of no consequence: the connection is going anyway.</summary>
    private async Task AnswerPingAsync()
    {
        try
        {
            await SendAsync(Ping);
        }
        catch (Exception exception) when (exception is WebSocketException or ObjectDisposedException or InvalidOperationException)
        {
        }
    }

    private static Task SendTextAsync(ClientWebSocket socket, string json) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(json + RecordSeparator), WebSocketMessageType.Text, true, CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        if (_socket.State == WebSocketState.Open)
        {
            await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
        }

        await _reading.WaitAsync(TimeSpan.FromSeconds(5)).ContinueWith(_ => { });
        _socket.Dispose();
    }
}
