/**
 * One HTTP server kit for the streams app, the router and the web UI: {@link dev.slopipeline.kit.http.WebServer}
 * binds (host, port; 0 picks a free one) and serves {@link dev.slopipeline.kit.http.Routes} (method and path
 * template, {@code {name}} parameters), answering with {@link dev.slopipeline.kit.http.Reply}, JSON through
 * {@link dev.slopipeline.kit.http.Json}, within {@link dev.slopipeline.kit.http.Limits}.
 *
 * <p>Every reply the kit writes itself is {@code {"error": message, "status": code}}: an unknown path (404, naming
 * what is served), a method not served there (405 with {@code Allow}), a body over the limit (413), a body that did
 * not arrive in time (408), a request target over the limit (414), a malformed request (400, answered by Jetty in
 * the same shape). A handler that throws is a 500 carrying an {@code errorId} and no more; the log has the id with
 * the exception and its stack.
 *
 * <p>Built on Jetty's core rather than the JDK's own server: the JDK server reads request headers on its worker
 * threads with no per-server time limit (its only timeouts are JVM-wide system properties) and no connection cap,
 * so a few clients sending one byte at a time stop it, {@code /healthz} included. Jetty reads without blocking,
 * closes idle connections, caps connections and keeps its thread pool bounded; this kit adds the limit on how long
 * request headers and bodies may take, and on how long a response may take to be read.
 */
package dev.slopipeline.kit.http;
