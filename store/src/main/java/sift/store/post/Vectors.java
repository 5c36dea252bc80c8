package sift.store.post;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** A post's vector as the database keeps it: its numbers as IEEE 754 single precision, little-endian. */
final class Vectors {
    private Vectors() {}

    static byte[] bytes(float[] vector) {
        if (vector == null) {
            return null;
        }
        ByteBuffer bytes = ByteBuffer.allocate(vector.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asFloatBuffer().put(vector);
        return bytes.array();
    }

    /** The vector of {@code bytes}, or null for none (or for bytes that are not whole numbers, which no writer makes). */
    static float[] vector(byte[] bytes) {
        if (bytes == null || bytes.length == 0 || bytes.length % Float.BYTES != 0) {
            return null;
        }
        float[] vector = new float[bytes.length / Float.BYTES];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(vector);
        return vector;
    }
}
