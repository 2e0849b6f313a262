package dev.unsafehints.lsp.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * An in-memory byte pipe for connecting a client and a server in one JVM. Unlike
 * {@link java.io.PipedInputStream} it does not care which threads write (LSP4J writes from pool
 * threads that come and go, which makes the JDK pipe report "write end dead").
 */
public final class BlockingPipe {
    private static final byte[] EOF = new byte[0];
    private final LinkedBlockingQueue<byte[]> chunks = new LinkedBlockingQueue<>();
    private volatile boolean closed;

    public final OutputStream out = new OutputStream() {
        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            if (!closed && len > 0) {
                chunks.add(Arrays.copyOfRange(b, off, off + len));
            }
        }

        @Override
        public void close() {
            closeWriter();
        }
    };

    /** Ends the stream: the reader sees end-of-file once it has read what was written. */
    public void closeWriter() {
        if (!closed) {
            closed = true;
            chunks.add(EOF);
        }
    }

    public final InputStream in = new InputStream() {
        private byte[] current = new byte[0];
        private int pos;
        private boolean atEnd;

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            while (pos >= current.length) {
                if (atEnd) {
                    return -1;
                }
                try {
                    current = chunks.take();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new java.io.InterruptedIOException();
                }
                pos = 0;
                if (current == EOF) {
                    atEnd = true;
                    return -1;
                }
            }
            int n = Math.min(len, current.length - pos);
            System.arraycopy(current, pos, b, off, n);
            pos += n;
            return n;
        }

        @Override
        public int available() {
            return Math.max(0, current.length - pos);
        }
    };
}
