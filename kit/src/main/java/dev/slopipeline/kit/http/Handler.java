package dev.slopipeline.kit.http;

/**
 * Answers the requests of one route. An exception becomes a 500 whose body carries only an error id; the id, the
 * exception and its stack go to the log.
 */
@FunctionalInterface
public interface Handler {

    Reply handle(Request request);
}
