package dev.slopipeline.streams.http;

/** Answers GET requests under one path; the server has already refused other methods and oversized requests. */
@FunctionalInterface
public interface Endpoint {

    Reply handle(Request request);
}
