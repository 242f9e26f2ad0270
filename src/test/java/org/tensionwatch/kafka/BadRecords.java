package org.tensionwatch.kafka;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;

/**
 * Values no topic of the service should hold, by what is wrong with them, for the tests that check that each is
 * refused (dead-lettered) and that the stream goes on: random bytes, a valid message cut short, a record of just
 * under the broker's 1 MB limit, and crafted single-object headers followed by lengths that would make a decoder
 * allocate gigabytes.
 */
public final class BadRecords {

    /** Just under the broker's default {@code message.max.bytes} (1,048,588) with a short key and no headers. */
    public static final int OVERSIZED_BYTES = 1_048_400;

    private BadRecords() {
    }

    /**
     * Every kind of bad value for a topic whose values are written with {@code schema}, by a name that says what it
     * is, given one valid encoded value to cut short. The random ones are the same on every run for a schema, so that
     * the unit test that checks each is refused checks those the integration tests write.
     */
    public static Map<String, byte[]> all(Schema schema, byte[] valid) {
        Random random = new Random(schema.getFullName().hashCode());
        Map<String, byte[]> values = new LinkedHashMap<>();
        values.put("empty", new byte[0]);
        values.put("text", "this is not an Avro record".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        for (int i = 0; i < 5; i++) {
            values.put("random-" + i, randomBytes(random, 1 + random.nextInt(2_000)));
        }
        values.put("random-with-header", concat(header(schema), randomBytes(random, 200)));
        values.put("truncated-header", Arrays.copyOf(valid, 5));
        values.put("truncated-half", Arrays.copyOf(valid, valid.length / 2));
        values.put("truncated-last-byte", Arrays.copyOf(valid, valid.length - 1));
        values.put("oversized", randomBytes(random, OVERSIZED_BYTES));
        values.put("oversized-with-header", concat(header(schema), randomBytes(random, OVERSIZED_BYTES - 10)));
        values.put("string-length-2^31-9", stringLengthBomb(schema));
        values.put("negative-string-length", concat(header(schema), varint(-5)));
        values.put("unknown-schema", concat(header(0x0123456789abcdefL), valid.length > 10
                ? Arrays.copyOfRange(valid, 10, valid.length) : new byte[0]));
        return values;
    }

    /**
     * 15 bytes: a valid single-object header, then the length of the first field (a string in every schema of the
     * project) as 2^31-9, the largest array a JVM allows: a decoder that trusts it allocates 2 GB.
     */
    public static byte[] stringLengthBomb(Schema schema) {
        return concat(header(schema), varint(Integer.MAX_VALUE - 8));
    }

    /** The single-object header of a schema: C3 01 and its fingerprint, little-endian. */
    public static byte[] header(Schema schema) {
        return header(SchemaNormalization.parsingFingerprint64(schema));
    }

    static byte[] header(long fingerprint) {
        ByteBuffer buffer = ByteBuffer.allocate(10).order(ByteOrder.LITTLE_ENDIAN);
        buffer.put((byte) 0xC3).put((byte) 0x01).putLong(fingerprint);
        return buffer.array();
    }

    /** A long as Avro writes it: zig-zag, then seven bits a byte. */
    public static byte[] varint(long value) {
        long zigzag = (value << 1) ^ (value >> 63);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while ((zigzag & ~0x7fL) != 0) {
            out.write((int) ((zigzag & 0x7f) | 0x80));
            zigzag >>>= 7;
        }
        out.write((int) zigzag);
        return out.toByteArray();
    }

    public static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private static byte[] randomBytes(Random random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }
}
