package dev.slopipeline.faults.kill;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slopipeline.broker.EmbeddedKafkaBroker;
import dev.slopipeline.definitions.alert.Alert;
import dev.slopipeline.definitions.alert.AlertCodec;
import dev.slopipeline.definitions.alert.AlertState;
import dev.slopipeline.kit.result.Decoded;
import dev.slopipeline.faults.Await;
import dev.slopipeline.faults.kafka.TopicTail;
import dev.slopipeline.faults.receiver.PagerRoute;
import dev.slopipeline.faults.receiver.WebhookReceiver.Received;
import dev.slopipeline.faults.receiver.WebhookReceiver;
import dev.slopipeline.faults.scenario.IncidentPlayer;
import dev.slopipeline.faults.scenario.Journeys;
import dev.slopipeline.router.config.RouterConfigLoader;
import dev.slopipeline.router.routing.route.Route;
import dev.slopipeline.streams.app.StreamsAppKeys;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

/**
 * Scale-out as users run it: one broker, the SLOs published with {@code bin/slo apply}, two streams-app instances and
 * two routers started as separate processes with {@code bin/slo run streams} and {@code bin/slo run router}, the
 * instances of each sharing one application id so that they split the partitions. The route groups by service; the
 * six SLOs of a service sit on different partitions of {@code slo.alerts}. When all six fail at once, the receiver
 * must get one notification holding the six alerts, and one for their resolve. Then the router that owns a second
 * service's group is SIGKILLed while the group waits: the other router takes the group over, the receiver still gets
 * exactly one notification with all six alerts, and no idempotency key is accepted twice.
 *
 * <p>Every process's output and data stay in {@code target/scale-out/} for a look after a failure.
 */
@Tag("integration")
@Timeout(value = 8, unit = TimeUnit.MINUTES)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScaleOutTest {

    private static final Duration STARTUP = Duration.ofMinutes(4);
    private static final Duration STEP = Duration.ofSeconds(90);
    private static final Duration GROUP_WAIT = Duration.ofSeconds(10);
    private static final String GROUP_INTERVAL = "15s";
    /** The defaults of {@code application.id} and {@code router.application.id}: what two plain {@code slo run}s share. */
    private static final String STREAMS_APPLICATION_ID = StreamsAppKeys.APPLICATION_ID.defaultValue().orElseThrow();
    private static final String ROUTER_APPLICATION_ID = "slo-pipeline-router";
    /** The router's delivery consumers: a group of their own beside the router's streams client. */
    private static final String DISPATCH_GROUP = ROUTER_APPLICATION_ID + "-dispatch";
    private static final String ALERTS_TOPIC = "slo.alerts";
    /** Where the router repartitions alerts by group key, so that one task in the cluster owns each group. */
    private static final String GROUPS_TOPIC = "router.groups";
    private static final String HOOK = "/hook";
    /**
     * Part 2's router is killed for good: the other takes its partitions over once the killed one's session times
     * out, after 6 s (the broker's minimum) instead of the default 45 s, as the README's scaling section advises for
     * a faster failover. A restarted instance needs no such setting: it is the same static member and takes its own
     * partitions back at once.
     */
    private static final List<String> FAST_FAILOVER = List.of("-s", "kafka.session.timeout.ms=6000",
            "-s", "kafka.heartbeat.interval.ms=1000");

    private final AlertCodec alertCodec = new AlertCodec();
    private final List<ChildProcess> children = new ArrayList<>();
    private final List<ChildProcess> routers = new ArrayList<>();
    private final Instant began = Instant.now();
    private Path folder;
    private Path routerConfig;
    private WebhookReceiver receiver;
    private EmbeddedKafkaBroker broker;
    private Admin admin;
    private IncidentPlayer player;
    private TopicTail alerts;

    @BeforeAll
    void startTheClusterAsUsersDo() throws Exception {
        Path slo = SloScript.path();
        folder = SloScript.freshFolder("scale-out");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> children.forEach(ChildProcess::close), "scale-out-children"));

        receiver = WebhookReceiver.start(null);
        broker = EmbeddedKafkaBroker.builder().dataDirectory(folder.resolve("kafka")).numPartitions(3).start();
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()));
        Path definitions = Files.createDirectories(folder.resolve("definitions"));
        Files.writeString(definitions.resolve("shop.yaml"), Journeys.yaml("shop", 1, 6, true));
        Files.writeString(definitions.resolve("stock.yaml"), Journeys.yaml("stock", 7, 12, true));
        routerConfig = Files.writeString(folder.resolve("router.yml"), PagerRoute.yaml(receiver.url(HOOK).toString(),
                "[service]", GROUP_WAIT.toSeconds() + "s", GROUP_INTERVAL));

        apply(slo, definitions);
        List<ChildProcess> streamsInstances = new ArrayList<>();
        for (int instance = 1; instance <= 2; instance++) {
            ChildProcess streams = ChildProcess.slo("streams-" + instance, slo, folder, run("streams", instance,
                    "--http-port", "0",
                    // the three partitions of every topic that the six SLOs of a service are spread over
                    "-s", "topics.partitions=3",
                    // names this instance's consumers in the group: it has a stream thread, so a member, per core
                    "-s", "kafka.client.id=streams-" + instance));
            children.add(streams);
            streamsInstances.add(streams);
        }
        for (int instance = 1; instance <= 2; instance++) {
            ChildProcess router = ChildProcess.slo("router-" + instance, slo, folder, run("router", instance,
                    "--router-port", "0", "--router-config", routerConfig.toString(),
                    // names this instance's consumers in the group, to find the router that owns a group
                    "-s", "kafka.client.id=router-" + instance));
            children.add(router);
            routers.add(router);
        }
        Instant launched = Instant.now();
        children.forEach(ChildProcess::launch);
        for (ChildProcess child : children) {
            System.out.println("scale-out: " + child.name() + ": " + child.awaitReady(STARTUP));
        }
        awaitStableGroupOf(STREAMS_APPLICATION_ID, streamsInstances);
        awaitStableGroup(ROUTER_APPLICATION_ID, 2);
        awaitStableGroup(DISPATCH_GROUP, 2);
        System.out.printf("scale-out: 2 streams-app instances and 2 routers ready and balanced in %.1f s%n",
                seconds(launched, Instant.now()));

        player = new IncidentPlayer(broker.bootstrapServers(), "slo.events.requests", Duration.ofMillis(300), Map.of());
        alerts = new TopicTail(broker.bootstrapServers(), ALERTS_TOPIC);
    }

    @AfterAll
    void stopEverything() {
        List<AutoCloseable> opened = new ArrayList<>();
        opened.add(alerts);
        opened.add(player);
        opened.addAll(children);
        opened.add(admin);
        opened.add(broker);
        opened.add(receiver);
        for (AutoCloseable closeable : opened) {
            if (closeable != null) {
                try {
                    closeable.close();
                } catch (Exception e) {
                    System.out.println("scale-out: closing " + closeable + " failed: " + e);
                }
            }
        }
        System.out.printf("scale-out: the whole run took %.1f s; logs and data in %s%n", seconds(began, Instant.now()), folder);
    }

    @Test
    @Order(1)
    void shouldSendOneNotificationForTheSixSlosOfAServiceSpreadOverPartitions() {
        List<String> slos = slos(1, 6);
        Instant outage = Instant.now();
        IntStream.rangeClosed(1, 6).forEach(player::outage);

        OnTopic onTopic = awaitAlertsOnTopic(slos, AlertState.FIRING);
        System.out.printf("scale-out: part 1: the six firing alerts on %s %.1f to %.1f s after the outage began,"
                + " partitions %s%n", ALERTS_TOPIC, seconds(outage, onTopic.first()), seconds(outage, onTopic.last()),
                onTopic.partitions());
        assertThat(Set.copyOf(onTopic.partitions().values())).as("partitions of the six alerts on %s (the issue needs"
                + " several)", ALERTS_TOPIC).hasSizeGreaterThan(1);

        Received firing = awaitOneNotification("shop", slos, "firing", onTopic.last());
        System.out.printf("scale-out: part 1: one firing notification with the six alerts %.1f s after the outage began%n",
                seconds(outage, firing.at()));

        recover("part 1", "shop", 1, 6);
        assertThat(receiver.duplicatedKeys()).as("idempotency keys accepted twice").isEmpty();
    }

    @Test
    @Order(2)
    void shouldHandTheGroupToTheOtherRouterWhenItsOwnerIsKilledWhileTheGroupWaits() throws Exception {
        List<String> slos = slos(7, 12);
        String groupKey = groupKey("stock");
        int groupsPartitions = partitions(GROUPS_TOPIC).orElseThrow(() -> new AssertionError("the topic " + GROUPS_TOPIC
                + ", through which the routers hand each alert to the one task that owns its group, does not exist:"
                + " each router task groups only the alerts of its own " + ALERTS_TOPIC + " partitions"));
        TopicPartition groupPartition = new TopicPartition(GROUPS_TOPIC,
                Utils.toPositive(Utils.murmur2(groupKey.getBytes(StandardCharsets.UTF_8))) % groupsPartitions);
        Map<TopicPartition, Long> groupsBefore = committedEnds(GROUPS_TOPIC, groupsPartitions);

        Instant outage = Instant.now();
        IntStream.rangeClosed(7, 12).forEach(player::outage);
        OnTopic onTopic = awaitAlertsOnTopic(slos, AlertState.FIRING);
        long lastOfGroup;
        try (TopicTail groups = new TopicTail(broker.bootstrapServers(), GROUPS_TOPIC)) {
            lastOfGroup = awaitGroupRecords(groups, groupPartition, groupsBefore, slos.size(), groupKey);
        }
        // killed once its owner has committed the group's alerts: the group waits in the owner's state, not in unread input
        Await.until(ROUTER_APPLICATION_ID + " to commit " + groupPartition + " past offset " + lastOfGroup, STEP,
                () -> committedOffset(ROUTER_APPLICATION_ID, groupPartition) > lastOfGroup);
        ChildProcess owner = owner(groupPartition);
        assertThat(notifications(slos, "firing")).as("notifications of the stock group before the kill").isEmpty();

        Instant kill = Instant.now();
        owner.kill();
        System.out.printf("scale-out: part 2: SIGKILLed %s, owner of %s (group %s) once it had committed the group's"
                        + " alerts, %.1f s after the six were on %s (partitions %s), %.1f s after the first: within the"
                        + " group's %d s group_wait%n", owner.name(), groupPartition, groupKey, seconds(onTopic.last(), kill),
                ALERTS_TOPIC, onTopic.partitions(), seconds(onTopic.first(), kill), GROUP_WAIT.toSeconds());
        assertThat(Duration.between(onTopic.first(), kill)).as("time from the group's first alert to the kill: the kill"
                + " must come while the group waits").isLessThan(GROUP_WAIT);

        Received firing = awaitOneNotification("stock", slos, "firing", onTopic.last());
        assertThat(firing.groupKey()).as("the group key the kill was aimed at").isEqualTo(groupKey);
        System.out.printf("scale-out: part 2: the other router sent one firing notification with the six alerts"
                + " %.1f s after the kill, %.1f s after the outage began%n", seconds(kill, firing.at()), seconds(outage, firing.at()));

        recover("part 2", "stock", 7, 12);
        assertThat(receiver.duplicatedKeys()).as("idempotency keys accepted twice").isEmpty();
    }

    /** Ends the outage of journeys {@code first..last}: the receiver must get one resolved notification holding them all. */
    private void recover(String part, String service, int first, int last) {
        Instant recovery = Instant.now();
        IntStream.rangeClosed(first, last).forEach(player::recover);
        Received resolved = awaitOneNotification(service, slos(first, last), "resolved", recovery);
        IntStream.rangeClosed(first, last).forEach(player::settled);
        System.out.printf("scale-out: %s: one resolved notification with the %d alerts %.1f s after the recovery%n", part,
                last - first + 1, seconds(recovery, resolved.at()));
    }

    /** {@code slo run <component>} against the test's broker, with a data folder of its own and no web UI. */
    private List<String> run(String component, int instance, String... more) {
        List<String> arguments = new ArrayList<>(List.of("run", component,
                "--bootstrap-servers", broker.bootstrapServers(),
                "--data-dir", folder.resolve(component + "-" + instance).toString(),
                "--ui-port", "off",
                "--ready-timeout", STARTUP.toString()));
        arguments.addAll(FAST_FAILOVER);
        arguments.addAll(List.of(more));
        return arguments;
    }

    /**
     * {@code bin/slo apply}, as CI publishes definitions for a scaled-out pipeline. Also the first {@code bin/slo} of the
     * run: it builds the jar when a source is newer, once, before four processes start side by side.
     */
    private void apply(Path slo, Path definitions) throws IOException, InterruptedException {
        Path log = folder.resolve("apply.log");
        Process apply = new ProcessBuilder(slo.toString(), "apply", "--bootstrap-servers", broker.bootstrapServers(),
                definitions.toString()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertThat(apply.waitFor(10, TimeUnit.MINUTES)).as("bin/slo apply within 10 minutes (see %s)", log).isTrue();
        assertThat(apply.exitValue()).as("bin/slo apply (see %s)", log).isZero();
    }

    private void awaitStableGroup(String group, int members) {
        Await.until("the consumer group " + group + " stable with " + members + " members", STARTUP, () -> {
            ConsumerGroupDescription description = describe(group);
            return description.groupState() == GroupState.STABLE && description.members().size() == members;
        });
    }

    /**
     * The group stable with every stream thread of each instance in it: members of each instance by the client id it
     * was started with, as many as the other's (one per stream thread, which the app sizes by the machine's cores).
     */
    private void awaitStableGroupOf(String group, List<ChildProcess> instances) {
        Await.until("the consumer group " + group + " stable with the stream threads of " + instances.size()
                + " instances alike", STARTUP, () -> {
            ConsumerGroupDescription description = describe(group);
            Map<String, Long> membersByInstance = description.members().stream().collect(Collectors.groupingBy(
                    member -> instances.stream().map(ChildProcess::name)
                            .filter(name -> member.clientId().startsWith(name + "-")).findFirst().orElse("unknown"),
                    Collectors.counting()));
            return description.groupState() == GroupState.STABLE
                    && membersByInstance.keySet().equals(instances.stream().map(ChildProcess::name).collect(Collectors.toSet()))
                    && new TreeSet<>(membersByInstance.values()).size() == 1;
        });
    }

    private ConsumerGroupDescription describe(String group) {
        try {
            return admin.describeConsumerGroups(List.of(group)).all().get(30, TimeUnit.SECONDS).get(group);
        } catch (Exception e) {
            throw new IllegalStateException("cannot describe the consumer group " + group, e);
        }
    }

    /** The router process whose streams client holds {@code partition}, by the client id each was started with. */
    private ChildProcess owner(TopicPartition partition) {
        ConsumerGroupDescription group = describe(ROUTER_APPLICATION_ID);
        List<String> holders = group.members().stream()
                .filter(member -> member.assignment().topicPartitions().contains(partition))
                .map(MemberDescription::clientId).toList();
        assertThat(holders).as("members of %s holding %s: %s", ROUTER_APPLICATION_ID, partition, group.members()).hasSize(1);
        return routers.stream().filter(router -> holders.get(0).startsWith(router.name() + "-")).findFirst()
                .orElseThrow(() -> new AssertionError("no router process has the client id " + holders.get(0)));
    }

    /** Partitions of {@code topic}, empty when it does not exist. */
    private Optional<Integer> partitions(String topic) throws InterruptedException, ExecutionException {
        try {
            return Optional.of(admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().size());
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /**
     * Waits until {@code partition} holds {@code count} committed records written since {@code before}: the group's
     * alerts, on the partition their key hashes to. Returns the offset of the last.
     */
    private static long awaitGroupRecords(TopicTail groups, TopicPartition partition, Map<TopicPartition, Long> before,
                                          int count, String groupKey) {
        try {
            Await.until(count + " records of the group " + groupKey + " on " + partition + ", the partition of its key", STEP,
                    () -> since(groups.poll(), before).getOrDefault(partition.partition(), List.of()).size() >= count);
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; offsets written since the outage began, by partition: "
                    + since(groups.records(), before), e);
        }
        return since(groups.records(), before).get(partition.partition()).stream().mapToLong(Long::longValue).max().orElseThrow();
    }

    /** Offsets of the records written since {@code before}, by partition. */
    private static Map<Integer, List<Long>> since(List<ConsumerRecord<byte[], byte[]>> records, Map<TopicPartition, Long> before) {
        return records.stream().filter(r -> r.offset() >= before.getOrDefault(new TopicPartition(r.topic(), r.partition()), 0L))
                .collect(Collectors.groupingBy(ConsumerRecord::partition, TreeMap::new,
                        Collectors.mapping(ConsumerRecord::offset, Collectors.toList())));
    }

    /** The offset {@code group} committed for {@code partition}: the next record it will read; -1 before any commit. */
    private long committedOffset(String group, TopicPartition partition) {
        try {
            OffsetAndMetadata committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata()
                    .get(30, TimeUnit.SECONDS).get(partition);
            return committed == null ? -1 : committed.offset();
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the offsets " + group + " committed", e);
        }
    }

    /** Each partition's last stable offset: the end of its committed records. */
    private Map<TopicPartition, Long> committedEnds(String topic, int partitions) {
        Map<TopicPartition, OffsetSpec> latest = IntStream.range(0, partitions).boxed()
                .collect(Collectors.toMap(partition -> new TopicPartition(topic, partition), partition -> OffsetSpec.latest()));
        try {
            return admin.listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all().get(30, TimeUnit.SECONDS)
                    .entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().offset(),
                            (a, b) -> a, () -> new TreeMap<>(Comparator.comparingInt(TopicPartition::partition))));
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the end offsets of " + topic, e);
        }
    }

    /** The router's group key for a page of {@code service}'s SLOs, as its config file routes it. */
    private String groupKey(String service) {
        Map<String, String> labels = Map.of("alertname", "SLOBurnRate", "service", service, "severity", "page");
        List<Route> routes = RouterConfigLoader.load(routerConfig).orElseThrow().route().match(labels);
        assertThat(routes).as("routes of %s", labels).hasSize(1);
        return routes.get(0).groupKey(labels);
    }

    /** Where each SLO's alert sat on the alerts topic, and when the harness saw the first and the last of them. */
    private record OnTopic(Map<String, Integer> partitions, Instant first, Instant last) {
    }

    /** Waits until each SLO has an alert in {@code state} on the alerts topic. */
    private OnTopic awaitAlertsOnTopic(List<String> slos, AlertState state) {
        Map<String, Integer> partitions = new TreeMap<>();
        Instant[] first = new Instant[1];
        Await.until(slos.size() + " " + state + " alerts on " + ALERTS_TOPIC, STEP, () -> {
            for (ConsumerRecord<byte[], byte[]> record : alerts.poll()) {
                if (record.value() != null && alertCodec.decode(record.value()) instanceof Decoded.Ok<Alert> ok
                        && ok.value().state() == state && slos.contains(ok.value().slo())) {
                    partitions.putIfAbsent(ok.value().slo(), record.partition());
                    if (first[0] == null) {
                        first[0] = Instant.now();
                    }
                }
            }
            return partitions.keySet().containsAll(slos);
        });
        return new OnTopic(partitions, first[0], Instant.now());
    }

    /**
     * Waits until delivered {@code status} notifications hold every one of {@code slos}, or for long enough after
     * {@code since} that any would have come; then there must be exactly one, holding all of them.
     */
    private Received awaitOneNotification(String service, List<String> slos, String status, Instant since) {
        try {
            Await.until("a " + status + " notification with the " + slos.size() + " alerts of " + service, STEP,
                    () -> notifications(slos, status).stream().flatMap(r -> slosOf(r).stream()).collect(Collectors.toSet())
                            .containsAll(slos));
        } catch (AssertionError timedOut) {
            // what arrived is judged below
        }
        List<Received> received = notifications(slos, status);
        String seen = received.stream().map(r -> r.at() + " " + slosOf(r) + " key " + r.idempotencyKey())
                .collect(Collectors.joining("; ", "[", "]"));
        assertThat(received).as("%s notifications of service %s in the %.0f s after %s: %s", status, service,
                seconds(since, Instant.now()), since, seen).hasSize(1);
        assertThat(slosOf(received.get(0))).as("SLOs in the %s notification of service %s: %s", status, service, seen)
                .containsExactlyInAnyOrderElementsOf(slos);
        assertThat(received.get(0).alerts()).as("alerts in the %s notification of service %s", status, service)
                .hasSize(slos.size());
        return received.get(0);
    }

    /** Delivered notifications in {@code status} that name any of {@code slos}. */
    private List<Received> notifications(List<String> slos, String status) {
        return receiver.received().stream()
                .filter(r -> r.delivered() && r.path().equals(HOOK) && r.status().equals(status))
                .filter(r -> slosOf(r).stream().anyMatch(slos::contains))
                .toList();
    }

    private static Set<String> slosOf(Received request) {
        return request.alerts().stream().map(WebhookReceiver.Page::slo).collect(Collectors.toCollection(TreeSet::new));
    }

    private static List<String> slos(int first, int last) {
        return IntStream.rangeClosed(first, last).mapToObj(Journeys::slo).toList();
    }

    private static double seconds(Instant from, Instant to) {
        return Duration.between(from, to).toMillis() / 1000.0;
    }
}
