package dev.slopipeline.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * UTF-8 bytes onto a character writer, for library code that prints to a PrintStream while the
 * command line (and its tests) hand commands a PrintWriter. Keeps a character split across two
 * writes until its last byte arrives.
 */
final class WriterOutputStream extends OutputStream {

    private final Writer writer;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
    private final ByteBuffer pending = ByteBuffer.allocate(8192);
    private final CharBuffer decoded = CharBuffer.allocate(8192);

    WriterOutputStream(Writer writer) {
        this.writer = writer;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        while (length > 0) {
            int chunk = Math.min(length, pending.remaining());
            pending.put(bytes, offset, chunk);
            offset += chunk;
            length -= chunk;
            drain();
        }
    }

    private void drain() throws IOException {
        pending.flip();
        while (true) {
            decoder.decode(pending, decoded, false);
            decoded.flip();
            writer.append(decoded);
            boolean full = decoded.limit() == decoded.capacity();
            decoded.clear();
            if (!full) {
                break;
            }
        }
        pending.compact();
    }

    @Override
    public void flush() throws IOException {
        writer.flush();
    }
}
