package dev.slopipeline.faults;

import dev.slopipeline.definitions.Definitions;
import dev.slopipeline.definitions.model.DefinitionSet;
import dev.slopipeline.definitions.yaml.LoadResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** The one journey every fault scenario plays against: checkout, 99.9 % of requests below status 500 over 30 days. */
public final class Checkout {

    public static final String SLO = "checkout-availability";
    public static final String FILE = "checkout.yaml";

    private Checkout() {
    }

    /** The definitions as YAML, as {@code slo apply} or a definitions folder would read them. */
    public static String yaml() {
        try (InputStream in = Checkout.class.getResourceAsStream("/faults/" + FILE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static DefinitionSet definitions() {
        LoadResult loaded = Definitions.loadTexts(Map.of(FILE, yaml()));
        if (loaded.hasErrors()) {
            throw new IllegalStateException("the fault suite's definitions have errors: " + loaded.errors());
        }
        return loaded.definitions();
    }
}
