package dev.slopipeline.streams.http;

import dev.slopipeline.streams.topology.BySloName;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.state.HostInfo;

/**
 * Statuses from whichever instance holds them: Kafka Streams' metadata says which instance is active for
 * an SLO's partition (partitioned by SLO name, as the topology partitions its inputs, so one instance holds every
 * series of a split SLO); this instance answers from its own store or asks the owner over HTTP.
 */
public final class ClusterStatus implements StatusSource {

    private final KafkaStreams streams;
    private final String storeName;
    private final HostInfo self;
    private final LocalStatusStore local;
    private final RemoteStatus remote;

    /**
     * @param self this instance as the others know it: its {@code application.server}
     * @param timeout how long to wait for another instance's answer
     */
    public ClusterStatus(KafkaStreams streams, String storeName, HostInfo self, HttpClient client, Duration timeout) {
        this.streams = streams;
        this.storeName = storeName;
        this.self = self;
        this.local = new LocalStatusStore(streams, storeName);
        this.remote = new RemoteStatus(client, timeout);
    }

    /** This instance's stores only. */
    public LocalStatusStore local() {
        return local;
    }

    @Override
    public StatusLookup status(String slo) {
        return atOwner(slo, "", local::status);
    }

    @Override
    public StatusLookup history(String slo) {
        return atOwner(slo, SloStatusEndpoint.HISTORY, local::history);
    }

    /** Asks this instance's stores when it is active for the SLO's partition, else the owner over HTTP. */
    private StatusLookup atOwner(String slo, String subPath, BiFunction<String, OptionalInt, StatusLookup> here) {
        if (streams.state() != KafkaStreams.State.RUNNING) {
            return new StatusLookup.Unavailable("the streams client is " + streams.state() + ", not RUNNING");
        }
        KeyQueryMetadata owner = streams.queryMetadataForKey(storeName, slo, new BySloName<>());
        if (owner == null || owner.equals(KeyQueryMetadata.NOT_AVAILABLE)) {
            return new StatusLookup.Unavailable("no instance hosts " + storeName + " for it yet");
        }
        return owner.activeHost().equals(self)
                ? here.apply(slo, OptionalInt.of(owner.partition()))
                : remote.status(owner.activeHost(), pathSegment(slo) + subPath);
    }

    /** A series key's braces, quotes and anything else outside a plain name, percent-encoded for a path. */
    private static String pathSegment(String slo) {
        return URLEncoder.encode(slo, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Asks every instance hosting the store at once; each answers for the partitions it is active for. */
    @Override
    public StatusListing all() {
        if (streams.state() != KafkaStreams.State.RUNNING) {
            return StatusListing.unavailable("this instance: the streams client is " + streams.state() + ", not RUNNING");
        }
        List<CompletableFuture<StatusListing>> answers = new ArrayList<>();
        for (StreamsMetadata instance : streams.streamsMetadataForStore(storeName)) {
            answers.add(instance.hostInfo().equals(self)
                    ? CompletableFuture.completedFuture(local.all())
                    : remote.all(instance.hostInfo()));
        }
        Map<String, byte[]> bySlo = new HashMap<>();
        List<String> unavailable = new ArrayList<>();
        for (CompletableFuture<StatusListing> answer : answers) {
            StatusListing listing = answer.join();
            bySlo.putAll(listing.bySlo());
            unavailable.addAll(listing.unavailable());
        }
        return new StatusListing(bySlo, unavailable);
    }
}
