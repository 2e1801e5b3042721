package dev.slopipeline.definitions.model;

import java.util.Set;

/** Which request status codes count as good. */
public sealed interface StatusRule permits StatusRule.Below, StatusRule.AnyOf, StatusRule.NoneOf {

    boolean isGood(int status);

    /** Good when the status is strictly below the bound: {@code below: 500} makes every 5xx bad. */
    record Below(int bound) implements StatusRule {
        @Override
        public boolean isGood(int status) {
            return status < bound;
        }
    }

    /** Good only for the listed codes. */
    record AnyOf(Set<Integer> codes) implements StatusRule {
        public AnyOf {
            codes = Set.copyOf(codes);
        }

        @Override
        public boolean isGood(int status) {
            return codes.contains(status);
        }
    }

    /** Good for every code except the listed ones. */
    record NoneOf(Set<Integer> codes) implements StatusRule {
        public NoneOf {
            codes = Set.copyOf(codes);
        }

        @Override
        public boolean isGood(int status) {
            return !codes.contains(status);
        }
    }
}
