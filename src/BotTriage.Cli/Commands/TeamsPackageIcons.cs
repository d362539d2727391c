using System.Globalization;

namespace BotTriage.Cli.Commands;

/// <summary>
/// The two app icons Teams requires, drawn in code: a speech bubble with three dots. The colour icon is 192x192 on
/// the accent colour, full bleed; the outline icon is 32x32, white on transparent, the bubble drawn as a 2-pixel line.
/// </summary>
internal static class TeamsPackageIcons
{
    public const int ColorSize = 192;
    public const int OutlineSize = 32;

    public static byte[] Color(string accentColor)
    {
        var (r, g, b) = ParseHex(accentColor);
        var pixels = new byte[ColorSize * ColorSize * 4];
        for (var y = 0; y < ColorSize; y++)
        {
            for (var x = 0; x < ColorSize; x++)
            {
                var (u, v) = Center(x, y, ColorSize);
                var white = InBubble(u, v, 0) && !InDot(u, v);
                Set(pixels, ColorSize, x, y, white ? (byte)255 : r, white ? (byte)255 : g, white ? (byte)255 : b, 255);
            }
        }

        return TeamsPackagePng.Encode(ColorSize, ColorSize, pixels);
    }

    public static byte[] Outline()
    {
        const double line = 2.0 / OutlineSize;
        var pixels = new byte[OutlineSize * OutlineSize * 4];
        for (var y = 0; y < OutlineSize; y++)
        {
            for (var x = 0; x < OutlineSize; x++)
            {
                var (u, v) = Center(x, y, OutlineSize);
                var on = (InBubble(u, v, 0) && !InBubble(u, v, line)) || InDot(u, v);
                // Transparent pixels are white too, so nothing but white can show at any alpha.
                Set(pixels, OutlineSize, x, y, 255, 255, 255, on ? (byte)255 : (byte)0);
            }
        }

        return TeamsPackagePng.Encode(OutlineSize, OutlineSize, pixels);
    }

    private static (double U, double V) Center(int x, int y, int size) => ((x + 0.5) / size, (y + 0.5) / size);

    /// <summary>The bubble in unit coordinates: a rounded rectangle with a tail at the lower left, shrunk by <paramref name="inset"/>.</summary>
    private static bool InBubble(double u, double v, double inset)
    {
        double left = 0.16 + inset, right = 0.84 - inset, top = 0.22 + inset, bottom = 0.66 - inset, radius = Math.Max(0.12 - inset, 0.01);
        var inBody = u >= left && u <= right && v >= top && v <= bottom
            && !OutsideCorner(u, v, left + radius, top + radius, radius, u < left + radius && v < top + radius)
            && !OutsideCorner(u, v, right - radius, top + radius, radius, u > right - radius && v < top + radius)
            && !OutsideCorner(u, v, left + radius, bottom - radius, radius, u < left + radius && v > bottom - radius)
            && !OutsideCorner(u, v, right - radius, bottom - radius, radius, u > right - radius && v > bottom - radius);
        return inBody || (inset == 0 && InTail(u, v));
    }

    private static bool OutsideCorner(double u, double v, double cu, double cv, double radius, bool inCornerBox) =>
        inCornerBox && ((u - cu) * (u - cu)) + ((v - cv) * (v - cv)) > radius * radius;

    private static bool InTail(double u, double v)
    {
        // The triangle (0.28, 0.6), (0.46, 0.6), (0.24, 0.84).
        if (v < 0.6 || v > 0.84)
        {
            return false;
        }

        var t = (v - 0.6) / 0.24;
        var from = 0.28 - (0.04 * t);
        var to = 0.46 - (0.22 * t);
        return u >= from && u <= to;
    }

    private static bool InDot(double u, double v)
    {
        foreach (var cu in (ReadOnlySpan<double>)[0.34, 0.5, 0.66])
        {
            if (((u - cu) * (u - cu)) + ((v - 0.44) * (v - 0.44)) <= 0.05 * 0.05)
            {
                return true;
            }
        }

        return false;
    }

    private static void Set(byte[] pixels, int size, int x, int y, byte r, byte g, byte b, byte a)
    {
        var i = ((y * size) + x) * 4;
        pixels[i] = r;
        pixels[i + 1] = g;
        pixels[i + 2] = b;
        pixels[i + 3] = a;
    }

    private static (byte R, byte G, byte B) ParseHex(string color) =>
        (Parse(color, 1), Parse(color, 3), Parse(color, 5));

    private static byte Parse(string color, int at) => byte.Parse(color.AsSpan(at, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
}
