package dev.slopipeline.router.oncall.schedule;

import java.util.List;
import java.util.Objects;

/**
 * One rotation of a schedule. Outside its restrictions (if it has any) the layer has nobody on call,
 * which lets an earlier layer show through.
 */
public record Layer(String name, Rotation rotation, List<Restriction> restrictions) {

    public Layer {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(rotation, "rotation");
        restrictions = List.copyOf(restrictions);
    }
}
