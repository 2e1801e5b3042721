package dev.slopipeline.kit.http;

import java.nio.ByteBuffer;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One request's life: its target checked, its body read within the limits, the guards and the route asked, the
 * handler run (probes at once, the rest on a worker), and the reply written within the write limit. No step waits
 * on the client with a thread held.
 */
final class Exchange {

    private static final Logger LOG = LoggerFactory.getLogger(Exchange.class);

    /** What every exchange of one server shares. */
    record Context(Routes routes, Limits limits, Executor workers, Scheduler scheduler) {
    }

    private final Context context;
    private final org.eclipse.jetty.server.Request jetty;
    private final Response response;
    private final Callback callback;
    private final String method;
    private final String rawPath;
    private final String rawQuery;
    /** Set when the body was refused part-read: the rest is dropped after the reply, so that the client sees it. */
    private volatile boolean bodyLeftUnread;

    Exchange(Context context, org.eclipse.jetty.server.Request jetty, Response response, Callback callback) {
        this.context = context;
        this.jetty = jetty;
        this.response = response;
        this.callback = callback;
        this.method = jetty.getMethod();
        this.rawPath = jetty.getHttpURI().getPath() == null ? "/" : jetty.getHttpURI().getPath();
        this.rawQuery = jetty.getHttpURI().getQuery();
    }

    void begin() {
        Limits limits = context.limits();
        Routes.Lookup lookup = context.routes().find(method, rawPath);
        int targetLength = rawPath.length() + (rawQuery == null ? 0 : rawQuery.length() + 1);
        if (targetLength > limits.maxUriLength()) {
            reply(lookup.route(), Reply.error(414, "the request URI is longer than " + limits.maxUriLength()
                    + " characters"));
            return;
        }
        int maxBodyBytes = lookup instanceof Routes.Lookup.Found found
                ? found.maxBodyBytes().orElse(limits.maxBodyBytes()) : limits.maxBodyBytes();
        if (jetty.getLength() > maxBodyBytes) {
            bodyLeftUnread = true;
            reply(lookup.route(), tooLarge(maxBodyBytes));
            return;
        }
        BodyReader.read(jetty, maxBodyBytes)
                .orTimeout(bodyTimeLeftNanos(), TimeUnit.NANOSECONDS)
                .whenComplete((body, failure) -> safely(lookup.route(), () -> {
                    if (failure != null) {
                        bodyFailed(lookup.route(), failure, maxBodyBytes);
                    } else {
                        route(lookup, body);
                    }
                }));
    }

    /**
     * Runs a step off Jetty's own call, where nothing would catch a failure: the exchange would hang until the idle
     * timeout. A failure is a 500 while the reply can still be sent, or ends the exchange.
     */
    private void safely(String route, Runnable step) {
        try {
            step.run();
        } catch (RuntimeException e) {
            if (response.isCommitted()) {
                LOG.error("{} {} failed after its reply was sent", method, route, e);
                callback.failed(e);
            } else {
                reply(route, internalError(route, e));
            }
        }
    }

    /** The request's whole read limit counts from its first byte, headers included. */
    private long bodyTimeLeftNanos() {
        long begin = jetty.getBeginNanoTime();
        long elapsed = begin == Long.MIN_VALUE ? 0 : System.nanoTime() - begin;
        return Math.max(1, context.limits().requestRead().toNanos() - elapsed);
    }

    private void bodyFailed(String route, Throwable failure, int maxBodyBytes) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof BodyReader.TooLarge) {
            bodyLeftUnread = true;
            reply(route, tooLarge(maxBodyBytes));
        } else if (cause instanceof TimeoutException) {
            reply(route, Reply.error(408, "the request body did not arrive within " + context.limits().requestRead()
                    .toMillis() + " ms").withHeader("Connection", "close"));
        } else {
            // the client went away or sent a broken body: nobody to answer
            LOG.debug("reading the body of {} {} failed", method, rawPath, cause);
            callback.failed(cause);
        }
    }

    private Reply tooLarge(int maxBodyBytes) {
        // closing: what of the body is not dropped in time would otherwise be read as the next request
        return Reply.error(413, "the request body exceeds " + maxBodyBytes + " bytes")
                .withHeader("Connection", "close");
    }

    private void route(Routes.Lookup lookup, byte[] body) {
        Request request;
        try {
            request = request(lookup, body);
        } catch (IllegalArgumentException e) {
            reply(lookup.route(), Reply.error(400, "malformed query: " + e.getMessage()));
            return;
        }
        for (Guard guard : context.routes().guards()) {
            Optional<Reply> refusal = guard.refusal(request);
            if (refusal.isPresent()) {
                reply(lookup.route(), refusal.get());
                return;
            }
        }
        if (lookup instanceof Routes.Lookup.NotFound) {
            reply(lookup.route(), Reply.error(404, "no endpoint at " + request.path() + "; this server serves "
                    + context.routes().templates()));
        } else if (lookup instanceof Routes.Lookup.WrongMethod wrong) {
            reply(wrong.route(), Reply.error(405, method + " is not supported at " + request.path() + "; use "
                    + wrong.allowed()).withHeader("Allow", wrong.allowed()));
        } else {
            Routes.Lookup.Found found = (Routes.Lookup.Found) lookup;
            if (found.probe()) {
                answer(found, request);
                return;
            }
            try {
                context.workers().execute(() -> safely(found.route(), () -> answer(found, request)));
            } catch (RejectedExecutionException e) {
                reply(found.route(), Reply.unavailable("the server is shutting down"));
            }
        }
    }

    private Request request(Routes.Lookup lookup, byte[] body) {
        Request.Builder builder = Request.builder(method, rawPath).query(rawQuery).body(body);
        for (HttpField field : jetty.getHeaders()) {
            builder.header(field.getName(), field.getValue());
        }
        if (lookup instanceof Routes.Lookup.Found found) {
            found.parameters().forEach(builder::pathParameter);
        }
        return builder.build();
    }

    private void answer(Routes.Lookup.Found found, Request request) {
        Reply reply;
        try {
            reply = found.handler().handle(request);
            if (reply == null) {
                throw new IllegalStateException("the handler of " + found.route() + " returned no reply");
            }
        } catch (RuntimeException e) {
            reply = internalError(found.route(), e);
        }
        reply(found.route(), reply);
    }

    /**
     * The id, the exception and its stack go to the log; the reply carries the id alone, since an exception's message
     * may name internals (hosts, files, a stored value). The route's template is logged rather than the path, which
     * may hold a secret (an acknowledge link's token).
     */
    private Reply internalError(String route, RuntimeException e) {
        String id = String.format("%016x", ThreadLocalRandom.current().nextLong());
        LOG.error("{} {} failed (error id {})", method, route, id, e);
        return Reply.json(500, Json.object()
                .put("error", "internal error; the server's log has the details under error id " + id)
                .put("status", 500)
                .put("errorId", id));
    }

    private void reply(String route, Reply reply) {
        try {
            context.routes().observer().replied(route, reply.status());
        } catch (RuntimeException e) {
            LOG.warn("counting a reply of {} failed", route, e);
        }
        response.setStatus(reply.status());
        HttpFields.Mutable headers = response.getHeaders();
        if (reply.contentType() != null) {
            headers.put(HttpHeader.CONTENT_TYPE, reply.contentType());
        }
        headers.put(HttpHeader.CACHE_CONTROL, "no-store");
        headers.put("X-Content-Type-Options", "nosniff");
        reply.headers().forEach(headers::put);
        headers.put(HttpHeader.CONTENT_LENGTH, reply.body().length);
        long writeLimit = context.limits().responseWrite().toMillis();
        Scheduler.Task deadline = context.scheduler().schedule(() -> Disconnect.abruptly(
                jetty.getConnectionMetaData().getConnection().getEndPoint(),
                "the response was not taken within " + writeLimit + " ms"), writeLimit, TimeUnit.MILLISECONDS);
        response.write(true, ByteBuffer.wrap(reply.body()), Callback.from(() -> {
            deadline.cancel();
            if (bodyLeftUnread) {
                BodyDrain.drain(jetty, context.scheduler(), bodyTimeLeftNanos(), callback::succeeded);
            } else {
                callback.succeeded();
            }
        }, failure -> {
            deadline.cancel();
            LOG.debug("writing the reply to {} {} failed", method, rawPath, failure);
            callback.failed(failure);
        }));
    }
}
