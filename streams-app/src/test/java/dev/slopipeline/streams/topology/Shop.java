package dev.slopipeline.streams.topology;

import java.util.Map;

/** Definitions the topology tests share: a small shop, written as SREs write it. */
final class Shop {

    static final String SERVICES = """
            apiVersion: slo-pipeline/v1
            kind: Service
            metadata: {name: storefront}
            spec: {owner: team-shop, tier: 1, runbook: https://runbooks.example/storefront}
            """;

    /** 99.9 % over 30 days, the workbook pairs (page-fast 1h/5m 14.4, page-slow 6h/30m 6, ticket-fast 1d/2h 3, ticket-slow 3d/6h 1). */
    static final String CHECKOUT = """
            apiVersion: slo-pipeline/v1
            kind: SLO
            metadata: {name: checkout-availability, labels: {team: payments}}
            spec:
              service: storefront
              journey: checkout
              description: Customers can pay for their cart
              indicator:
                match:
                  - {service: checkout-api, operation: "POST /checkout"}
                  - {service: payments, operation: {regex: "POST /charge.*"}}
                good: {status: {below: 500}}
              objective: 99.9
              window: 30d
            """;

    private Shop() {
    }

    static Map<String, String> folder(String... slos) {
        StringBuilder text = new StringBuilder(SERVICES);
        for (String slo : slos) {
            text.append("---\n").append(slo);
        }
        return Map.of("shop.yaml", text.toString());
    }
}
