using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace BsgFunds.PortalTests;

/// <summary>
/// Stands in for an OpenTelemetry collector: accepts OTLP/HTTP posts (protobuf) on loopback and keeps their bodies.
/// The tests look for names in them: OTLP protobuf carries strings as plain UTF-8.
/// </summary>
public sealed class OtlpCollector : IDisposable
{
    private readonly HttpListener listener = new();
    private readonly ConcurrentQueue<(string Path, byte[] Body)> received = new();

    public OtlpCollector(int port)
    {
        Address = new Uri($"http://127.0.0.1:{port}/");
        listener.Prefixes.Add(Address.ToString());
        listener.Start();
        _ = Task.Run(ServeAsync);
    }

    public Uri Address { get; }

    /// <summary>Everything posted to one signal's path (/v1/traces, /v1/metrics, /v1/logs), as text.</summary>
    public string Signal(string path) =>
        string.Join("\n", received.Where(r => r.Path == path).Select(r => Encoding.UTF8.GetString(r.Body)));

    private async Task ServeAsync()
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body);
            received.Enqueue((context.Request.Url!.AbsolutePath, body.ToArray()));
            context.Response.StatusCode = 200;
            context.Response.ContentType = "application/x-protobuf";
            context.Response.Close();
        }
    }

    public void Dispose() => listener.Close();
}
