package dev.slopipeline.router.app;

import dev.slopipeline.kit.yaml.Problem;
import dev.slopipeline.router.config.LoadedConfig;
import dev.slopipeline.router.config.RouterConfig;
import dev.slopipeline.router.config.RouterConfigLoader;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reloads the router config from its file, and the on-call file beside it if there is one, as Alertmanager does on
 * SIGHUP or {@code POST /-/reload}: on demand, and whenever either file's content changes (checked every few seconds
 * by the SHA-256 of both, so an editor's save, a config map update and a {@code mv} into place are all seen). The two
 * are read as one: a problem in either keeps the last good pair live. A config with errors is refused with every problem as
 * {@code file:line:col: message}, logged and kept for {@link #status()}; the last good config stays live. A good one
 * goes to the {@code apply} callback, which switches routing and delivery over.
 *
 * <p>Metrics, named after Alertmanager's: {@code slo_router_config_last_reload_successful} (1 or 0) and
 * {@code slo_router_config_last_reload_success_timestamp_seconds}; and {@code slo_router_config_reloads_failed_total},
 * every refused attempt, so that a refusal quickly fixed still shows.
 */
final class ConfigReloader implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ConfigReloader.class);

    /**
     * The outcome of the last reload attempt.
     *
     * @param successful    whether the last attempt went live (true before any attempt: the start-up config is good)
     * @param attemptedAt   when the last attempt was made (start-up, for none)
     * @param lastSuccessAt when a config last went live (start-up included)
     * @param hash          SHA-256 of the live config's file content (the router file's, then the on-call file's)
     * @param problems      why the last attempt was refused, each {@code file:line:col: message}; empty on success
     */
    record Status(boolean successful, Instant attemptedAt, Instant lastSuccessAt, String hash, List<String> problems) {
        Status {
            problems = List.copyOf(problems);
        }
    }

    private final Path file;
    private final Optional<Path> onCallFile;
    private final Consumer<RouterConfig> apply;
    private final Clock clock;
    private final ScheduledExecutorService poller;
    /** The content hash of the last attempt, good or bad: an unchanged bad file is not refused again every poll. */
    private String attemptedHash;
    private volatile Status status;
    private final Counter failures;

    ConfigReloader(Path file, Consumer<RouterConfig> apply, MeterRegistry registry, Clock clock) {
        this(file, Optional.empty(), apply, registry, clock);
    }

    /** @param onCallFile the on-call sections' file, read and watched with {@code file} */
    ConfigReloader(Path file, Optional<Path> onCallFile, Consumer<RouterConfig> apply, MeterRegistry registry,
                   Clock clock) {
        this.file = Objects.requireNonNull(file, "file");
        this.onCallFile = Objects.requireNonNull(onCallFile, "onCallFile");
        this.apply = Objects.requireNonNull(apply, "apply");
        this.clock = Objects.requireNonNull(clock, "clock");
        String hash;
        try {
            hash = read().hash();
        } catch (IOException e) {
            hash = "";
        }
        attemptedHash = hash;
        Instant now = clock.instant();
        status = new Status(true, now, now, hash, List.of());
        Gauge.builder("slo.router.config.last.reload.successful", this, reloader -> reloader.status.successful() ? 1 : 0)
                .description("Whether the last config reload attempt went live (1) or was refused (0)")
                .register(registry);
        Gauge.builder("slo.router.config.last.reload.success.timestamp.seconds", this,
                        reloader -> reloader.status.lastSuccessAt().toEpochMilli() / 1000.0)
                .description("When a config last went live, in Unix seconds")
                .register(registry);
        failures = Counter.builder("slo.router.config.reloads.failed")
                .description("Config reload attempts refused; the previous config stayed live")
                .register(registry);
        poller = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "router-config-watch");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Checks the file for changes every {@code interval} from now on. */
    void watch(Duration interval) {
        poller.scheduleWithFixedDelay(() -> {
            try {
                reloadIfChanged();
            } catch (RuntimeException e) {
                LOG.error("checking {} for changes failed", file, e);
            }
        }, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    Path file() {
        return file;
    }

    Optional<Path> onCallFile() {
        return onCallFile;
    }

    Status status() {
        return status;
    }

    /** Reloads when the file's content differs from the last attempt's. */
    synchronized void reloadIfChanged() {
        Contents contents;
        try {
            contents = read();
        } catch (IOException e) {
            // Often a moment in a replace-by-rename; a file that stays unreadable is reported by the next reload.
            LOG.debug("cannot read {} for a change check: {}", file, e.toString());
            return;
        }
        if (!contents.hash().equals(attemptedHash)) {
            reload(contents);
        }
    }

    /** Reloads now, whether or not the file changed ({@code POST /-/reload}). */
    synchronized Status reload() {
        Contents contents;
        try {
            contents = read();
        } catch (IOException e) {
            return refuse(List.of("cannot read the config file: " + e));
        }
        return reload(contents);
    }

    /** Both files' bytes, read together so that they are parsed as the pair that was hashed. */
    private record Contents(byte[] router, Optional<byte[]> onCall) {

        String hash() {
            return sha256(onCall.map(bytes -> concat(router, bytes)).orElse(router));
        }

        private static byte[] concat(byte[] first, byte[] second) {
            byte[] both = Arrays.copyOf(first, first.length + second.length);
            System.arraycopy(second, 0, both, first.length, second.length);
            return both;
        }
    }

    private Contents read() throws IOException {
        byte[] router = Files.readAllBytes(file);
        Optional<byte[]> onCall = Optional.empty();
        if (onCallFile.isPresent()) {
            onCall = Optional.of(Files.readAllBytes(onCallFile.get()));
        }
        return new Contents(router, onCall);
    }

    private Status reload(Contents contents) {
        String hash = contents.hash();
        attemptedHash = hash;
        String router = new String(contents.router(), StandardCharsets.UTF_8);
        LoadedConfig loaded = onCallFile.map(onCall -> RouterConfigLoader.parse(file.toString(), router,
                        onCall.toString(), new String(contents.onCall().orElseThrow(), StandardCharsets.UTF_8)))
                .orElseGet(() -> RouterConfigLoader.parse(file.toString(), router));
        if (loaded.config().isEmpty()) {
            return refuse(loaded.problems().stream().filter(Problem::isError).map(Problem::toString).toList());
        }
        loaded.problems().forEach(warning -> LOG.warn("{}", warning));
        try {
            apply.accept(loaded.config().get());
        } catch (RuntimeException e) {
            // E.g. a secret file the new config names that cannot be read: nothing was switched over.
            return refuse(List.of(file + ": " + e.getMessage()));
        }
        Instant now = clock.instant();
        status = new Status(true, now, now, hash, List.of());
        LOG.info("router config reloaded from {}{} (sha256 {})", file, onCallFile.map(onCall -> " and " + onCall)
                .orElse(""), hash);
        return status;
    }

    private Status refuse(List<String> problems) {
        problems.forEach(problem -> LOG.error("config reload refused: {}", problem));
        LOG.error("config reload from {} refused with {} problem(s); the previous config stays live", file,
                problems.size());
        failures.increment();
        Status previous = status;
        status = new Status(false, clock.instant(), previous.lastSuccessAt(), previous.hash(), problems);
        return status;
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    @Override
    public void close() {
        poller.shutdownNow();
    }
}
