using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace BotTriage.Cli.Commands;

/// <summary>
/// Just enough PNG (ISO/IEC 15948) for the app icons: writes 8-bit RGBA images, one <c>IDAT</c> compressed with zlib,
/// every scanline with filter type 0; and reads back a PNG's header and, for such images, its pixels, so the package
/// can be checked the way Teams checks it.
/// </summary>
internal static class TeamsPackagePng
{
    private static readonly byte[] Signature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly uint[] CrcTable = BuildCrcTable();

    /// <summary>Encodes <paramref name="rgba"/> (4 bytes a pixel, rows top to bottom) as a PNG file.</summary>
    public static byte[] Encode(int width, int height, byte[] rgba)
    {
        ArgumentNullException.ThrowIfNull(rgba);
        if (rgba.Length != width * height * 4)
        {
            throw new ArgumentException($"Expected {width * height * 4} bytes of RGBA for {width}x{height}, got {rgba.Length}.", nameof(rgba));
        }

        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // bits per sample
        header[9] = 6; // colour type: truecolour with alpha
        // compression 0 (deflate), filter method 0, no interlace: the zeros already there.

        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            var stride = width * 4;
            for (var y = 0; y < height; y++)
            {
                zlib.WriteByte(0); // filter type None
                zlib.Write(rgba, y * stride, stride);
            }
        }

        using var png = new MemoryStream();
        png.Write(Signature);
        WriteChunk(png, "IHDR", header);
        WriteChunk(png, "IDAT", compressed.ToArray());
        WriteChunk(png, "IEND", []);
        return png.ToArray();
    }

    /// <summary>The image's size and colour type from its <c>IHDR</c>; null when the bytes are not a PNG.</summary>
    public static (int Width, int Height, int BitDepth, int ColorType)? ReadHeader(byte[] png)
    {
        ArgumentNullException.ThrowIfNull(png);
        if (png.Length < 33 || !png.AsSpan(0, 8).SequenceEqual(Signature) || Encoding.ASCII.GetString(png, 12, 4) != "IHDR")
        {
            return null;
        }

        return (BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)), png[24], png[25]);
    }

    /// <summary>
    /// The RGBA pixels of an 8-bit RGBA, non-interlaced PNG whose scanlines use filter type 0, after checking every
    /// chunk's CRC; null for anything else.
    /// </summary>
    public static byte[]? ReadRgba(byte[] png)
    {
        if (ReadHeader(png) is not { BitDepth: 8, ColorType: 6 } header || png[28] != 0)
        {
            return null;
        }

        using var data = new MemoryStream();
        var offset = 8;
        while (offset + 12 <= png.Length)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(offset));
            if (length < 0 || offset + 12 + length > png.Length)
            {
                return null;
            }

            var typeAndData = png.AsSpan(offset + 4, 4 + length);
            if (Crc32(typeAndData) != BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(offset + 8 + length)))
            {
                return null;
            }

            var type = Encoding.ASCII.GetString(png, offset + 4, 4);
            if (type == "IDAT")
            {
                data.Write(png, offset + 8, length);
            }

            offset += 12 + length;
            if (type == "IEND")
            {
                break;
            }
        }

        data.Position = 0;
        var stride = header.Width * 4;
        var raw = new byte[(stride + 1) * header.Height];
        using (var zlib = new ZLibStream(data, CompressionMode.Decompress))
        {
            try
            {
                zlib.ReadExactly(raw);
            }
            catch (Exception e) when (e is EndOfStreamException or InvalidDataException)
            {
                return null;
            }
        }

        var pixels = new byte[stride * header.Height];
        for (var y = 0; y < header.Height; y++)
        {
            if (raw[y * (stride + 1)] != 0)
            {
                return null;
            }

            Array.Copy(raw, (y * (stride + 1)) + 1, pixels, y * stride, stride);
        }

        return pixels;
    }

    /// <summary>The CRC-32 of PNG chunks (ISO 3309, polynomial 0xEDB88320).</summary>
    public static uint Crc32(ReadOnlySpan<byte> bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc = CrcTable[(crc ^ b) & 0xFF] ^ (crc >> 8);
        }

        return crc ^ 0xFFFFFFFFu;
    }

    private static void WriteChunk(Stream png, string type, byte[] data)
    {
        Span<byte> number = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(number, data.Length);
        png.Write(number);
        var typeAndData = new byte[4 + data.Length];
        Encoding.ASCII.GetBytes(type, typeAndData);
        data.CopyTo(typeAndData, 4);
        png.Write(typeAndData);
        BinaryPrimitives.WriteUInt32BigEndian(number, Crc32(typeAndData));
        png.Write(number);
    }

    private static uint[] BuildCrcTable()
    {
        var table = new uint[256];
        for (var n = 0u; n < 256; n++)
        {
            var c = n;
            for (var k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            }

            table[n] = c;
        }

        return table;
    }
}
