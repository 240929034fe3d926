package org.microcred.records.badges;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A badge's two signed copies of its credential, the VC-JWT and the credential with its embedded
 * proof, as one gzip-compressed binary attribute ({@code credentials}, docs/data-model.md). Each
 * copy is about 10 KB of mostly the same JSON, and every KB of the badge item costs two write
 * units in its transaction; compressed together they take about a tenth of that.
 *
 * <p>The JWT's payload is kept decoded, so gzip finds the credential it shares with the proof
 * copy; unpadded base64url encodes each byte string in exactly one way, so encoding it again gives
 * the original characters. A JWT whose payload would not (it is never one the issuer signed) is
 * kept whole. Whatever goes in comes out character for character: readers cannot tell the
 * difference from the plain strings of older items.
 */
final class PackedCredentials {
    /** The first byte inside the gzip stream: the layout below. */
    private static final int LAYOUT = 1;
    private static final int JWT_WHOLE = 0;
    private static final int JWT_SPLIT = 1;
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder BASE64URL_DECODER = Base64.getUrlDecoder();

    /** What a badge's {@code credentials} attribute holds; a null copy is stored (and read) as empty. */
    record Copies(String credentialJwt, String credentialWithProof) {
    }

    private PackedCredentials() {
    }

    static byte[] pack(String credentialJwt, String credentialWithProof) {
        String jwt = credentialJwt == null ? "" : credentialJwt;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(4096);
        try (DataOutputStream out = new DataOutputStream(new BestGzip(bytes))) {
            out.writeByte(LAYOUT);
            String[] parts = splittable(jwt);
            if (parts == null) {
                out.writeByte(JWT_WHOLE);
                write(out, jwt.getBytes(StandardCharsets.UTF_8));
            } else {
                out.writeByte(JWT_SPLIT);
                write(out, BASE64URL_DECODER.decode(parts[1]));
                write(out, parts[0].getBytes(StandardCharsets.US_ASCII));
                write(out, parts[2].getBytes(StandardCharsets.US_ASCII));
            }
            write(out, (credentialWithProof == null ? "" : credentialWithProof).getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not compress a badge's credentials", e);
        }
        return bytes.toByteArray();
    }

    static Copies unpack(byte[] packed) {
        try (DataInputStream in = new DataInputStream(new GZIPInputStream(new ByteArrayInputStream(packed)))) {
            int layout = in.readUnsignedByte();
            if (layout != LAYOUT) {
                throw new IllegalStateException("Unknown layout " + layout + " of a badge's credentials");
            }
            String jwt;
            int form = in.readUnsignedByte();
            if (form == JWT_SPLIT) {
                String payload = BASE64URL.encodeToString(read(in));
                String header = new String(read(in), StandardCharsets.US_ASCII);
                String signature = new String(read(in), StandardCharsets.US_ASCII);
                jwt = header + "." + payload + "." + signature;
            } else if (form == JWT_WHOLE) {
                jwt = new String(read(in), StandardCharsets.UTF_8);
            } else {
                throw new IllegalStateException("Unknown JWT form " + form + " in a badge's credentials");
            }
            return new Copies(jwt, new String(read(in), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read a badge's compressed credentials", e);
        }
    }

    /** The JWT's three segments if its payload encodes back to exactly the same characters, else null. */
    private static String[] splittable(String jwt) {
        String[] parts = jwt.split("\\.", -1);
        if (parts.length != 3 || parts[1].isEmpty()) {
            return null;
        }
        try {
            return BASE64URL.encodeToString(BASE64URL_DECODER.decode(parts[1])).equals(parts[1]) ? parts : null;
        } catch (IllegalArgumentException notBase64url) {
            return null;
        }
    }

    private static void write(DataOutputStream out, byte[] value) throws IOException {
        out.writeInt(value.length);
        out.write(value);
    }

    private static byte[] read(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0) {
            throw new IOException("Negative length in a badge's credentials");
        }
        byte[] value = in.readNBytes(length);
        if (value.length != length) {
            throw new IOException("Truncated badge credentials");
        }
        return value;
    }

    /** gzip at its best compression: a badge is written once and read many times. */
    private static final class BestGzip extends GZIPOutputStream {
        BestGzip(ByteArrayOutputStream out) throws IOException {
            super(out, 8192);
            def.setLevel(Deflater.BEST_COMPRESSION);
        }
    }
}
