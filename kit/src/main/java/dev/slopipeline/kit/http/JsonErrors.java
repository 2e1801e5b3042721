package dev.slopipeline.kit.http;

import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * The errors Jetty answers itself (a malformed request, headers too large, an ambiguous path) in the apps' own shape,
 * {@code {"error": message, "status": code}}, never an HTML page, a stack or the message of an exception.
 */
final class JsonErrors extends ErrorHandler {

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) {
        Reply reply = Reply.error(code, reason(code, message));
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, reply.contentType());
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.write(true, ByteBuffer.wrap(reply.body()), callback);
    }

    /** A server error's message may come from any exception; a client error's says what was wrong with the request. */
    private static String reason(int code, String message) {
        return code >= 500 || message == null || message.isBlank() ? HttpStatus.getMessage(code) : message;
    }
}
