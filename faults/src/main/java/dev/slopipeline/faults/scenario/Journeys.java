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

    /** One Service and {@code count} SLOs (99.9 % of requests below status 500 over 30 days), as YAML. */
    public static String yaml(int count) {
        StringBuilder yaml = new StringBuilder("""
                apiVersion: slo-pipeline/v1
                kind: Service
                metadata: {name: shop}
                spec: {owner: team-shop, tier: 1, runbook: https://runbooks.example/shop}
                """);
        for (int journey = 1; journey <= count; journey++) {
            yaml.append("""
                    ---
                    apiVersion: slo-pipeline/v1
                    kind: SLO
                    metadata: {name: %s}
                    spec:
                      service: shop
                      journey: %s
                      indicator:
                        match:
                          - {service: %s, operation: "POST /buy"}
                        good: {status: {below: 500}}
                      objective: 99.9
                      window: 30d
                    """.formatted(slo(journey), slo(journey), service(journey)));
        }
        return yaml.toString();
    }
}
