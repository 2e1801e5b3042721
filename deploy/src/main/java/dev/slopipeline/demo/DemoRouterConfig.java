package dev.slopipeline.demo;

import dev.slopipeline.router.config.RouterConfig;
import dev.slopipeline.router.config.RouterConfigLoader;
import java.net.URI;

/** The router configuration of the demo ({@code deploy/examples/demo-router.yml}), aimed at the demo's own sink. */
public final class DemoRouterConfig {

    /** The sink address the file is written for; the demo's sink may listen elsewhere. */
    static final String WRITTEN_FOR = "http://localhost:9099";
    static final String RESOURCE = "demo/demo-router.yml";

    private DemoRouterConfig() {
    }

    public static RouterConfig forSink(URI sink) {
        String yaml = BundledFiles.text(RESOURCE).replace(WRITTEN_FOR, sink.toString());
        return RouterConfigLoader.parse("demo-router.yml", yaml).orElseThrow();
    }
}
