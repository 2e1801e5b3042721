package dev.slopipeline.streams.publish;

/**
 * @param prune also tombstone the keys on the topic that the applied set no longer has
 * @param dryRun only work out the changes; write nothing, not even the topic
 */
public record ApplyOptions(boolean prune, boolean dryRun) {

    public static final ApplyOptions DEFAULT = new ApplyOptions(false, false);
}
