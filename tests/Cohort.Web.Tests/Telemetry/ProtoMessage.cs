using System.Text;

namespace Cohort.Web.Tests.Telemetry;

/// <summary>
/// A protobuf message read without its schema, straight from the wire format: each field number with its values.
/// Enough to read OTLP exports field by field, so the test needs no generated code and no protobuf package.
/// </summary>
public sealed class ProtoMessage
{
    private readonly List<(int Field, object Value)> fields = [];

    public static ProtoMessage Parse(ReadOnlySpan<byte> bytes)
    {
        var message = new ProtoMessage();
        var at = 0;
        while (at < bytes.Length)
        {
            var tag = ReadVarint(bytes, ref at);
            var field = (int)(tag >> 3);
            object value = (tag & 7) switch
            {
                0 => ReadVarint(bytes, ref at),
                1 => BitConverter.ToUInt64(Take(bytes, ref at, 8)),
                2 => Take(bytes, ref at, (int)ReadVarint(bytes, ref at)).ToArray(),
                5 => (ulong)BitConverter.ToUInt32(Take(bytes, ref at, 4)),
                var wire => throw new FormatException($"Field {field} has wire type {wire}, which OTLP does not use."),
            };
            message.fields.Add((field, value));
        }

        return message;
    }

    /// <summary>The embedded messages of <paramref name="field"/> (a repeated field gives several).</summary>
    public IEnumerable<ProtoMessage> Messages(int field) => Raw(field).Select(value => Parse((byte[])value));

    public ProtoMessage? Message(int field) => Messages(field).FirstOrDefault();

    public string? Text(int field) => Raw(field).Select(value => Encoding.UTF8.GetString((byte[])value)).FirstOrDefault();

    public byte[]? Bytes(int field) => Raw(field).Cast<byte[]>().FirstOrDefault();

    /// <summary>A varint or fixed-width number, as its raw 64 bits.</summary>
    public ulong? Number(int field) => Raw(field).Cast<ulong>().Select(value => (ulong?)value).FirstOrDefault();

    private IEnumerable<object> Raw(int field) => fields.Where(f => f.Field == field).Select(f => f.Value);

    private static ulong ReadVarint(ReadOnlySpan<byte> bytes, ref int at)
    {
        ulong value = 0;
        for (var shift = 0; ; shift += 7)
        {
            var b = bytes[at++];
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return value;
            }
        }
    }

    private static ReadOnlySpan<byte> Take(ReadOnlySpan<byte> bytes, ref int at, int length)
    {
        var taken = bytes.Slice(at, length);
        at += length;
        return taken;
    }
}
