package dev.slopipeline.router.delivery;

import java.util.random.RandomGenerator;

/** Jitter that always lands at the same fraction of the backoff ceiling, so retry times can be asserted exactly. */
public final class FixedRandom implements RandomGenerator {

    private final double fraction;

    public FixedRandom(double fraction) {
        this.fraction = fraction;
    }

    @Override
    public double nextDouble() {
        return fraction;
    }

    @Override
    public long nextLong() {
        throw new UnsupportedOperationException("backoff jitter only asks for doubles");
    }
}
