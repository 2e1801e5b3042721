package dev.slopipeline.kit.http;

import java.io.IOException;
import java.net.StandardSocketOptions;
import java.nio.channels.SocketChannel;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.io.EndPoint;

/** Cuts off a client that overran a limit. */
final class Disconnect {

    private Disconnect() {
    }

    /**
     * Closes with a reset rather than an orderly close: the kernel then drops what it still holds for the client
     * instead of trickling it out to a reader that takes one byte at a time.
     */
    static void abruptly(EndPoint endPoint, String why) {
        if (endPoint.getTransport() instanceof SocketChannel channel) {
            try {
                channel.setOption(StandardSocketOptions.SO_LINGER, 0);
            } catch (IOException | RuntimeException alreadyClosed) {
                // nothing left to reset
            }
        }
        endPoint.close(new TimeoutException(why));
    }
}
