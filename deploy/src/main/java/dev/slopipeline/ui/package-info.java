/**
 * The web UI: {@link dev.slopipeline.ui.WebUi} serves the page bundled under {@code ui/} in the jar (plain HTML, CSS
 * and JavaScript, charts drawn as inline SVG, nothing fetched from the internet) and forwards the page's API calls
 * to the streams app ({@code /api/v1/slos*}) and the router (incidents, on-call, silences) with the browser's
 * {@code Authorization} header.
 */
package dev.slopipeline.ui;
