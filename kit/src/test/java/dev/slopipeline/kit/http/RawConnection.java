package dev.slopipeline.kit.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** A plain TCP connection to a server, for what an HTTP client library would not send: malformed or trickled bytes. */
final class RawConnection implements AutoCloseable {

    private final Socket socket;

    private RawConnection(Socket socket) {
        this.socket = socket;
    }

    static RawConnection open(int port) throws IOException {
        return new RawConnection(new Socket("127.0.0.1", port));
    }

    /** Opens with a small receive buffer, so that a large response soon fills it when nobody reads. */
    static RawConnection openUnreading(int port) throws IOException {
        Socket socket = new Socket();
        socket.setReceiveBufferSize(4096);
        socket.connect(new java.net.InetSocketAddress("127.0.0.1", port));
        return new RawConnection(socket);
    }

    void send(String text) throws IOException {
        socket.getOutputStream().write(text.getBytes(StandardCharsets.ISO_8859_1));
        socket.getOutputStream().flush();
    }

    /** One request, sent whole, and the whole response read until the server closes the connection. */
    static String exchange(int port, String request) throws IOException {
        try (RawConnection connection = open(port)) {
            connection.send(request);
            return new String(connection.readUntilClosed(Duration.ofSeconds(10)), StandardCharsets.ISO_8859_1);
        }
    }

    /**
     * Everything the server sends until it closes the connection (an orderly close or a reset).
     *
     * @throws SocketTimeoutException if the server neither sends nor closes for {@code patience}
     */
    byte[] readUntilClosed(Duration patience) throws IOException {
        socket.setSoTimeout((int) patience.toMillis());
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        InputStream in = socket.getInputStream();
        byte[] buffer = new byte[64 * 1024];
        try {
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                received.write(buffer, 0, read);
            }
        } catch (SocketTimeoutException e) {
            throw e;
        } catch (IOException reset) {
            // a reset ends the connection as surely as a close
        }
        return received.toByteArray();
    }

    /**
     * Reads at most {@code max} bytes: how many, or -1 once the server has closed the connection.
     *
     * @throws SocketTimeoutException if the server neither sends nor closes for {@code patience}
     */
    int readSome(int max, Duration patience) throws IOException {
        socket.setSoTimeout((int) patience.toMillis());
        try {
            return socket.getInputStream().read(new byte[max]);
        } catch (SocketTimeoutException e) {
            throw e;
        } catch (IOException reset) {
            return -1;
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
