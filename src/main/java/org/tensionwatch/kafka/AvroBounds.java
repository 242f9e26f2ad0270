package org.tensionwatch.kafka;

import java.io.IOException;
import org.apache.avro.Schema;

/**
 * Walks an Avro binary body along its writer schema without building anything, and refuses it before the decoder
 * allocates: a string, bytes or block longer than the bytes left, an array or map block of more items than bytes left,
 * a union branch or enum symbol the schema does not have, a malformed varint, or a body cut short. The decoder trusts
 * a length prefix and allocates it first (a 15-byte record announcing a string of 2^31-9 bytes made it allocate 2 GB),
 * and Avro's own system limits default to that same 2^31-9; a length can never exceed what is left of the record, so
 * that bound costs nothing a real record needs. Items of zero bytes (arrays of nulls) would be refused past the bytes
 * left; no schema of this project has them.
 */
final class AvroBounds {

    private final byte[] bytes;
    private final int end;
    private int position;

    private AvroBounds(byte[] bytes, int offset) {
        this.bytes = bytes;
        this.end = bytes.length;
        this.position = offset;
    }

    /**
     * Checks the body that starts at {@code offset} against the writer schema.
     *
     * @throws IOException naming the first length, count or index that cannot be right, and where it is
     */
    static void check(Schema writer, byte[] bytes, int offset) throws IOException {
        new AvroBounds(bytes, offset).skip(writer);
    }

    private int remaining() {
        return end - position;
    }

    private void skip(Schema schema) throws IOException {
        switch (schema.getType()) {
            case NULL -> {
            }
            case BOOLEAN -> advance(1, "boolean");
            case INT, LONG -> readLong();
            case FLOAT -> advance(4, "float");
            case DOUBLE -> advance(8, "double");
            case FIXED -> advance(schema.getFixedSize(), "fixed " + schema.getName());
            case STRING, BYTES -> {
                long length = readLong();
                if (length < 0 || length > remaining()) {
                    throw new IOException(schema.getType().getName() + " of length " + length + " at byte " + position
                            + " with " + remaining() + " bytes left in the record");
                }
                position += (int) length;
            }
            case ENUM -> {
                long index = readLong();
                if (index < 0 || index >= schema.getEnumSymbols().size()) {
                    throw new IOException("symbol " + index + " of enum " + schema.getName() + ", which has "
                            + schema.getEnumSymbols().size());
                }
            }
            case UNION -> {
                long branch = readLong();
                if (branch < 0 || branch >= schema.getTypes().size()) {
                    throw new IOException("branch " + branch + " of a union of " + schema.getTypes().size());
                }
                skip(schema.getTypes().get((int) branch));
            }
            case RECORD -> {
                for (Schema.Field field : schema.getFields()) {
                    skip(field.schema());
                }
            }
            case ARRAY -> skipBlocks(schema.getElementType(), false);
            case MAP -> skipBlocks(schema.getValueType(), true);
            default -> throw new IOException("unexpected schema type " + schema.getType());
        }
    }

    private void skipBlocks(Schema item, boolean map) throws IOException {
        for (long count = readLong(); count != 0; count = readLong()) {
            if (count < 0) {
                count = -count;
                long blockBytes = readLong();
                if (blockBytes < 0 || blockBytes > remaining()) {
                    throw new IOException("block of " + blockBytes + " bytes at byte " + position + " with "
                            + remaining() + " bytes left in the record");
                }
            }
            if (count > remaining()) {
                throw new IOException((map ? "map" : "array") + " block of " + count + " items at byte " + position
                        + " with " + remaining() + " bytes left in the record");
            }
            for (long i = 0; i < count; i++) {
                if (map) {
                    skip(Schema.create(Schema.Type.STRING));
                }
                skip(item);
            }
        }
    }

    private void advance(int length, String what) throws IOException {
        if (length > remaining()) {
            throw new IOException("record ends inside a " + what + " at byte " + position);
        }
        position += length;
    }

    /** A zig-zag varint of at most ten bytes, as Avro writes ints and longs. */
    private long readLong() throws IOException {
        long raw = 0;
        for (int shift = 0; shift < 70; shift += 7) {
            if (position >= end) {
                throw new IOException("record ends inside a number at byte " + position);
            }
            int b = bytes[position++] & 0xff;
            raw |= (long) (b & 0x7f) << shift;
            if ((b & 0x80) == 0) {
                return (raw >>> 1) ^ -(raw & 1);
            }
        }
        throw new IOException("malformed number (more than ten bytes) before byte " + position);
    }
}
