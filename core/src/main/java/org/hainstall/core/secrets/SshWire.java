package org.hainstall.core.secrets;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** The SSH wire encoding (RFC 4251 section 5): big-endian uint32 and length-prefixed strings. */
final class SshWire {
    private SshWire() {
    }

    /** Collects wire-encoded values. */
    static final class Writer {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Writer uint32(int value) {
            out.write(value >>> 24);
            out.write(value >>> 16);
            out.write(value >>> 8);
            out.write(value);
            return this;
        }

        Writer string(byte[] value) {
            uint32(value.length);
            out.writeBytes(value);
            return this;
        }

        Writer string(String value) {
            return string(value.getBytes(StandardCharsets.UTF_8));
        }

        Writer raw(byte[] value) {
            out.writeBytes(value);
            return this;
        }

        Writer rawByte(int value) {
            out.write(value);
            return this;
        }

        int size() {
            return out.size();
        }

        byte[] toByteArray() {
            return out.toByteArray();
        }
    }

    /** Reads wire-encoded values; a truncated or oversized field is an {@link IllegalArgumentException}. */
    static final class Reader {
        private final ByteBuffer buffer;

        Reader(byte[] data) {
            this.buffer = ByteBuffer.wrap(data);
        }

        int uint32() {
            need(4);
            return buffer.getInt();
        }

        byte[] string() {
            int length = uint32();
            if (length < 0) {
                throw new IllegalArgumentException("malformed SSH key data: negative length");
            }
            need(length);
            byte[] value = new byte[length];
            buffer.get(value);
            return value;
        }

        String utf8() {
            return new String(string(), StandardCharsets.UTF_8);
        }

        byte[] raw(int length) {
            need(length);
            byte[] value = new byte[length];
            buffer.get(value);
            return value;
        }

        boolean hasRemaining() {
            return buffer.hasRemaining();
        }

        private void need(int length) {
            if (buffer.remaining() < length) {
                throw new IllegalArgumentException("malformed SSH key data: truncated");
            }
        }
    }
}
