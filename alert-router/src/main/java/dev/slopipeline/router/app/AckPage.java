package dev.slopipeline.router.app;

import dev.slopipeline.kit.http.Reply;
import dev.slopipeline.router.oncall.incident.Incident;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The small HTML pages of the acknowledge links: a person follows the link from a page, so the answer is for reading,
 * not for a program. They are never cached, and send no referrer (the URL holds the token).
 */
final class AckPage {

    private static final Map<String, String> HEADERS = Map.of("Cache-Control", "no-store",
            "Referrer-Policy", "no-referrer", "X-Frame-Options", "DENY");

    private AckPage() {
    }

    /** A page with a title and one sentence. */
    static Reply of(int status, String title, String message) {
        return html(status, title, "<p>" + escape(message) + "</p>");
    }

    /** "Acknowledge incident X (slo, summary) as alice?" with a button that POSTs to the link itself. */
    static Reply confirmation(String linkPath, Incident incident, String user, String alreadyAcknowledged) {
        String body = "<p>Acknowledge incident <b>" + escape(incident.id()) + "</b> (" + escape(incident.slo()) + ", "
                + escape(incident.summary()) + ") as <b>" + escape(user) + "</b>?</p>"
                + (alreadyAcknowledged.isEmpty() ? "" : "<p>" + escape(alreadyAcknowledged) + "</p>")
                + "<form method=\"post\" action=\"" + escape(linkPath) + "\">"
                + "<button type=\"submit\">Acknowledge as " + escape(user) + "</button></form>"
                + "<p>Acknowledging stops the escalation; it does not resolve the incident.</p>";
        return html(200, "Acknowledge incident " + incident.id() + "?", body);
    }

    private static Reply html(int status, String title, String body) {
        String page = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<meta name=\"robots\" content=\"noindex\"><title>" + escape(title) + "</title></head>\n"
                + "<body style=\"font-family: sans-serif; max-width: 40em; margin: 2em auto\"><h1>" + escape(title)
                + "</h1>" + body + "</body></html>\n";
        return new Reply(status, "text/html; charset=utf-8", page.getBytes(StandardCharsets.UTF_8), HEADERS);
    }

    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '&' -> escaped.append("&amp;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
