package dev.slopipeline.definitions.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * How one SLO splits into series: one SLI, window sums, alert state and error budget per distinct combination of the
 * values of {@code by} in its events, as Pyrra's grouping and Sloth's per-label SLOs do. An SLO without fields is one
 * series, named as the SLO.
 *
 * <p>A field is {@value #SERVICE} (the emitting service), {@value #OPERATION} (the operation, or a probe's check) or
 * the name of an event attribute; an event without that attribute has the value {@code ""}. Each field becomes a
 * label of the series' alerts and metrics: an attribute keeps its name with every character Prometheus does not
 * allow in a label name written as {@code _} ({@code cloud.region} is {@code cloud_region}), and the two event
 * fields become {@value #SERVICE_LABEL} and {@value #OPERATION_LABEL}, since {@code service} names the SLO's own
 * catalog service on every alert.
 *
 * @param by        the fields, in the order written; empty for an SLO that is not split
 * @param maxSeries how many distinct combinations get a series of their own; events of any further one count in
 *                  the series whose values are all {@value #OVERFLOW}
 */
public record Grouping(List<String> by, int maxSeries) {

    public static final String SERVICE = "service";
    public static final String OPERATION = "operation";
    public static final String SERVICE_LABEL = "event_service";
    public static final String OPERATION_LABEL = "event_operation";
    public static final int DEFAULT_MAX_SERIES = 1000;
    /** The value of every field in the series that holds the combinations beyond {@link #maxSeries}. */
    public static final String OVERFLOW = "other";

    private static final Pattern NOT_IN_A_LABEL_NAME = Pattern.compile("[^a-zA-Z0-9_]");
    private static final Grouping NONE = new Grouping(List.of(), DEFAULT_MAX_SERIES);

    public Grouping {
        by = List.copyOf(by);
        if (maxSeries < 1) {
            throw new IllegalArgumentException("maxSeries must be at least 1, got " + maxSeries);
        }
    }

    public static Grouping none() {
        return NONE;
    }

    public boolean isSplit() {
        return !by.isEmpty();
    }

    /** The label each field becomes, in the order of {@link #by}. */
    public List<String> labels() {
        return by.stream().map(Grouping::labelOf).toList();
    }

    /** The label a field becomes on alerts and metrics. */
    public static String labelOf(String field) {
        return switch (field) {
            case SERVICE -> SERVICE_LABEL;
            case OPERATION -> OPERATION_LABEL;
            default -> {
                String label = NOT_IN_A_LABEL_NAME.matcher(field).replaceAll("_");
                yield Character.isDigit(label.charAt(0)) ? "_" + label : label;
            }
        };
    }

    /** The values of an event's fields, in the order of {@link #by}. */
    public List<String> valuesOf(String service, String operation, Map<String, String> attributes) {
        List<String> values = new ArrayList<>(by.size());
        for (String field : by) {
            values.add(switch (field) {
                case SERVICE -> service;
                case OPERATION -> operation;
                default -> attributes.getOrDefault(field, "");
            });
        }
        return values;
    }
}
