package dev.slopipeline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slopipeline.testkafka.SharedKafka;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code slo} as the container image runs it: a JVM whose class path lacks the embedded broker and Kafka's server
 * (the image is built with the profile container-image, which leaves them out). It refuses {@code slo run} without
 * a cluster, naming the setting, and runs the streams app and the router on one.
 */
class ContainerImageClassPathTest {

    /** The apps run with their default topics and application ids, which no other test here uses. */
    @RegisterExtension
    static final SharedKafka kafka = new SharedKafka();

    /** The jars only the embedded broker needs, as the container-image profile leaves them out of target/lib. */
    private static final Pattern BROKER_ONLY = Pattern.compile("embedded-broker|kafka_2\\.13-|kafka-(server|metadata|raft|"
            + "storage|coordinator-common|group-coordinator|share-coordinator|transaction-coordinator)|scala-");

    @TempDir
    Path folder;

    @Test
    void shouldRefuseSloRunWithoutAClusterNamingTheSetting() throws Exception {
        Process slo = slo("run", "--data-dir", folder.resolve("data").toString(), "--ui-port", "off").start();
        String err = new String(slo.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(slo.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(slo.exitValue()).as(err).isEqualTo(1);
        assertThat(err).contains("bootstrap.servers is not set", "no embedded Kafka broker", "SLO_PIPELINE_BOOTSTRAP_SERVERS",
                "--bootstrap-servers");
        assertThat(folder.resolve("data")).doesNotExist();
    }

    @Tag("integration")
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    @Test
    void shouldRunTheStreamsAppAndTheRouterOnACluster() throws Exception {
        List<Process> started = new ArrayList<>();
        try {
            Process streams = slo("run", "streams", "--bootstrap-servers", kafka.bootstrapServers(), "--http-port", "0",
                    "--ui-port", "off", "--data-dir", folder.resolve("streams").toString()).start();
            started.add(streams);
            Process router = slo("run", "router", "--bootstrap-servers", kafka.bootstrapServers(), "--router-port", "0",
                    "--ui-port", "off", "--data-dir", folder.resolve("router").toString()).start();
            started.add(router);

            assertThat(readyLine(streams)).matches("slo-pipeline ready: Kafka \\S+, streams http://localhost:\\d+");
            assertThat(readyLine(router)).matches("slo-pipeline ready: Kafka \\S+, router http://localhost:\\d+");
        } finally {
            for (Process process : started) {
                process.destroy();
                process.waitFor(60, TimeUnit.SECONDS);
            }
        }
    }

    /** {@code bin/slo} with the test's class path minus the broker's jars; its stderr goes to the test's log. */
    private static ProcessBuilder slo(String... args) {
        String classPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !BROKER_ONLY.matcher(entry).find())
                .collect(Collectors.joining(File.pathSeparator));
        assertThat(classPath).doesNotContain("embedded-broker", "kafka-server");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classPath, SloCommand.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().keySet().removeIf(name -> name.startsWith("SLO_PIPELINE_"));
        return builder;
    }

    /** The first line on stdout, which {@code slo run} prints once ready; its progress and log go to stderr. */
    private static String readyLine(Process process) throws Exception {
        CompletableFuture.runAsync(() -> drain(process));
        // left open: closing it would close the pipe the process still writes to
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        assertThat(line).as("the ready line; the process ended instead").isNotNull();
        return line;
    }

    private static void drain(Process process) {
        try {
            process.getErrorStream().transferTo(System.err);
        } catch (IOException closed) {
            // the process ended
        }
    }
}
