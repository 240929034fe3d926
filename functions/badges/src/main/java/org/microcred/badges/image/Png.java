package org.microcred.badges.image;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Writes PNG files by hand (signature, IHDR, IDAT, optional iTXt, IEND), which is all a baked
 * badge needs and keeps ImageIO out of the function. The iTXt chunk is uncompressed, as the
 * Open Badges baking specifications require, and sits before IEND.
 */
public final class Png {
    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    private Png() {
    }

    /** An RGBA image of width x height, with one uncompressed iTXt text chunk when keyword is not null. */
    public static byte[] write(byte[] rgba, int width, int height, String keyword, String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(16_384);
        out.writeBytes(SIGNATURE);
        ByteBuffer header = ByteBuffer.allocate(13);
        header.putInt(width).putInt(height).put((byte) 8).put((byte) 6).put((byte) 0).put((byte) 0).put((byte) 0);
        chunk(out, "IHDR", header.array());
        chunk(out, "IDAT", deflate(rgba, width, height));
        if (keyword != null) {
            chunk(out, "iTXt", itxt(keyword, text));
        }
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    /** iTXt: keyword, NUL, compression flag 0, method 0, empty language tag + NUL, empty translated keyword + NUL, UTF-8 text. */
    static byte[] itxt(String keyword, String text) {
        byte[] key = keyword.getBytes(StandardCharsets.ISO_8859_1);
        if (key.length < 1 || key.length > 79) {
            throw new IllegalArgumentException("A PNG keyword has 1 to 79 characters");
        }
        ByteArrayOutputStream data = new ByteArrayOutputStream(text.length() + 16);
        data.writeBytes(key);
        data.write(0);
        data.write(0);
        data.write(0);
        data.write(0);
        data.write(0);
        data.writeBytes(text.getBytes(StandardCharsets.UTF_8));
        return data.toByteArray();
    }

    private static byte[] deflate(byte[] rgba, int width, int height) {
        int stride = width * 4;
        byte[] raw = new byte[(stride + 1) * height];
        for (int y = 0; y < height; y++) {
            raw[y * (stride + 1)] = 0;
            System.arraycopy(rgba, y * stride, raw, y * (stride + 1) + 1, stride);
        }
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION);
        try {
            deflater.setInput(raw);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length / 8);
            byte[] buffer = new byte[16_384];
            while (!deflater.finished()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(typeBytes);
        out.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }
}
