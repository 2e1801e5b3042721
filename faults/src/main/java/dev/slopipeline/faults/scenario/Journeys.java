package dev.slopipeline.faults.scenario;

/**
 * The journeys a scripted run pages on, one per incident: {@code journey-N} selects the requests of
 * service {@code svc-N}. A journey of its own per incident keeps one incident's long windows from
 * hiding the next one.
 */
public final class Journeys {

    private Journeys() {
    }

    public static String slo(int journey) {
        return "journey-" + journey;
    }

    public static String service(int journey) {
        return "svc-" + journey;
    }

    /** One Service ({@code shop}) and {@code count} SLOs (99.9 % of requests below status 500 over 30 days), as YAML. */
    public static String yaml(int count) {
        return yaml("shop", 1, count, false);
    }

    /**
     * One Service named {@code service} and the SLOs of journeys {@code first} to {@code last}, as {@link #yaml(int)}
     * writes them; with {@code pagesOnly} their ticket pairs are switched off, so that each SLO raises one alert,
     * its page.
     */
    public static String yaml(String service, int first, int last, boolean pagesOnly) {
        StringBuilder yaml = new StringBuilder("""
                apiVersion: slo-pipeline/v1
                kind: Service
                metadata: {name: %s}
                spec: {owner: team-%s, tier: 1, runbook: https://runbooks.example/%s}
                """.formatted(service, service, service));
        for (int journey = first; journey <= last; journey++) {
            yaml.append("""
                    ---
                    apiVersion: slo-pipeline/v1
                    kind: SLO
                    metadata: {name: %s}
                    spec:
                      service: %s
                      journey: %s
                      indicator:
                        match:
                          - {service: %s, operation: "POST /buy"}
                        good: {status: {below: 500}}
                      objective: 99.9
                      window: 30d
                    """.formatted(slo(journey), service, slo(journey), service(journey)));
            if (pagesOnly) {
                yaml.append("""
                          alerting:
                            pairs: {ticket-fast: {enabled: false}, ticket-slow: {enabled: false}}
                        """);
            }
        }
        return yaml.toString();
    }
}
