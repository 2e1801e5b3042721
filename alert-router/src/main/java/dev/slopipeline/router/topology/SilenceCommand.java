package dev.slopipeline.router.topology;

import dev.slopipeline.router.routing.silence.SilenceRequest;
import java.util.Objects;
import java.util.UUID;

/** What {@code router.commands} asks of the silences; the record key is the silence id. */
public sealed interface SilenceCommand permits SilenceCommand.Create, SilenceCommand.Expire {

    UUID id();

    /** Create a silence under an id the API chose when it accepted the request. */
    record Create(UUID id, SilenceRequest request) implements SilenceCommand {
        public Create {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(request, "request");
        }
    }

    /** End a silence now (a pending one never starts). */
    record Expire(UUID id) implements SilenceCommand {
        public Expire {
            Objects.requireNonNull(id, "id");
        }
    }
}
