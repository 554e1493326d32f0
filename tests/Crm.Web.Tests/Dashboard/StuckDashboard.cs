using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;

namespace Crm.Web.Tests.Dashboard;

/// <summary>
/// A dashboard that connects, completes the hub handshake and then never reads again, with the smallest receive
/// window the kernel allows: what the server sends to it piles up on the server side.
/// </summary>
public sealed class StuckDashboard : IDisposable
{
    private readonly Socket _socket;

    private StuckDashboard(Socket socket) => _socket = socket;

    public static async Task<StuckDashboard> ConnectAsync(Uri service, string key)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { ReceiveBufferSize = 1024 };
        await socket.ConnectAsync(service.Host, service.Port);
        var upgrade =
            $"GET /hubs/dashboard?access_token={Uri.EscapeDataString(key)} HTTP/1.1\r\n" +
            $"Host: {service.Authority}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n" +
            $"Sec-WebSocket-Key: {Convert.ToBase64String(RandomNumberGenerator.GetBytes(16))}\r\nSec-WebSocket-Version: 13\r\n\r\n";
        await socket.SendAsync(Encoding.ASCII.GetBytes(upgrade));
        await ReadHeadersAsync(socket);
        await socket.SendAsync(MaskedTextFrame("{\"protocol\":\"json\",\"version\":1}\u001e"));
        return new StuckDashboard(socket);
    }

    private static async Task ReadHeadersAsync(Socket socket)
    {
        var received = new List<byte>();
        var one = new byte[1];
        while (!received.TakeLast(4).SequenceEqual("\r\n\r\n"u8.ToArray()))
        {
            if (await socket.ReceiveAsync(one) == 0)
            {
                throw new IOException("the server closed the connection during the upgrade");
            }

            received.Add(one[0]);
        }

        var status = Encoding.ASCII.GetString(received.ToArray()).Split("\r\n")[0];
        if (!status.Contains(" 101 "))
        {
            throw new IOException($"upgrade refused: {status}");
        }
    }

    /// <summary>Clients must mask what they send (RFC 6455, 5.3).</summary>
    private static byte[] MaskedTextFrame(string text)
    {
        var payload = Encoding.UTF8.GetBytes(text);
        var mask = RandomNumberGenerator.GetBytes(4);
        var frame = new List<byte> { 0x81, (byte)(0x80 | payload.Length) };
        frame.AddRange(mask);
        frame.AddRange(payload.Select((value, index) => (byte)(value ^ mask[index % 4])));
        return frame.ToArray();
    }

    public void Dispose() => _socket.Dispose();
}
