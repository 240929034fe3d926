package org.microcred.badges.image;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * The badge picture, drawn from shapes only: a medal (ring, face, check mark) whose colours come
 * from the micro-credential id, so each achievement has its own look. No fonts and no AWT:
 * Lambda's Java runtime has no fontconfig, and pixels computed here cost nothing at init.
 */
public final class BadgeArt {
    public static final int SIZE = 256;
    private static final int SAMPLES = 4;

    private BadgeArt() {
    }

    /** The two colours of an achievement as RGB ints: a dark ring and a light face. */
    public static int[] palette(String microCredentialId) {
        CRC32 crc = new CRC32();
        crc.update(String.valueOf(microCredentialId).getBytes(StandardCharsets.UTF_8));
        float hue = (crc.getValue() % 360) / 360f;
        return new int[] {hsl(hue, 0.55f, 0.32f), hsl(hue, 0.60f, 0.88f)};
    }

    public static String hex(int rgb) {
        return String.format("#%06x", rgb & 0xffffff);
    }

    /** RGBA pixels, row by row, SIZE x SIZE; each pixel averages 4x4 samples so the edges are smooth. */
    public static byte[] pixels(String microCredentialId) {
        int[] colours = palette(microCredentialId);
        byte[] rgba = new byte[SIZE * SIZE * 4];
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                int r = 0;
                int g = 0;
                int b = 0;
                int covered = 0;
                for (int sy = 0; sy < SAMPLES; sy++) {
                    for (int sx = 0; sx < SAMPLES; sx++) {
                        int colour = sample(x + (sx + 0.5) / SAMPLES, y + (sy + 0.5) / SAMPLES, colours);
                        if (colour >= 0) {
                            r += (colour >> 16) & 0xff;
                            g += (colour >> 8) & 0xff;
                            b += colour & 0xff;
                            covered++;
                        }
                    }
                }
                int i = (y * SIZE + x) * 4;
                if (covered > 0) {
                    rgba[i] = (byte) (r / covered);
                    rgba[i + 1] = (byte) (g / covered);
                    rgba[i + 2] = (byte) (b / covered);
                    rgba[i + 3] = (byte) (255 * covered / (SAMPLES * SAMPLES));
                }
            }
        }
        return rgba;
    }

    /** The colour at a point of the picture, or -1 outside the medal (transparent). */
    private static int sample(double x, double y, int[] colours) {
        double r = Math.hypot(x - SIZE / 2.0, y - SIZE / 2.0);
        if (r > 126) {
            return -1;
        }
        if (r > 104 || onCheck(x, y)) {
            return colours[0];
        }
        return r > 98 ? 0xffffff : colours[1];
    }

    /** A thick check mark: two segments, (78,132)-(112,166) and (112,166)-(180,94). */
    private static boolean onCheck(double x, double y) {
        return distanceToSegment(x, y, 78, 132, 112, 166) < 11 || distanceToSegment(x, y, 112, 166, 180, 94) < 11;
    }

    private static double distanceToSegment(double px, double py, double ax, double ay, double bx, double by) {
        double dx = bx - ax;
        double dy = by - ay;
        double t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
        return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
    }

    private static int hsl(float h, float s, float l) {
        float q = l < 0.5f ? l * (1 + s) : l + s - l * s;
        float p = 2 * l - q;
        int r = Math.round(255 * channel(p, q, h + 1f / 3));
        int g = Math.round(255 * channel(p, q, h));
        int b = Math.round(255 * channel(p, q, h - 1f / 3));
        return (r << 16) | (g << 8) | b;
    }

    private static float channel(float p, float q, float t) {
        if (t < 0) {
            t += 1;
        }
        if (t > 1) {
            t -= 1;
        }
        if (t < 1f / 6) {
            return p + (q - p) * 6 * t;
        }
        if (t < 1f / 2) {
            return q;
        }
        if (t < 2f / 3) {
            return p + (q - p) * (2f / 3 - t) * 6;
        }
        return p;
    }
}
