package dev.slopipeline.faults.input;

/**
 * One record of a fuzzed stream with the outcome the pipeline owes it, decided when it was made
 * (never by asking the codec under test).
 *
 * @param kind      what the record tries, e.g. {@code truncated}, {@code invalid-utf8}, {@code good}
 * @param health    whether it belongs on the health topic (else the requests topic)
 * @param key       the record key, possibly null or hostile itself
 * @param value     the record value; null for a record without one
 * @param refused   whether it must land on the dead-letter topic
 * @param goodUnits units the journey SLO must count as good (0 when refused)
 * @param badUnits  units the journey SLO must count as bad (0 when refused)
 */
public record FuzzedEvent(String kind, boolean health, byte[] key, byte[] value, boolean refused, long goodUnits, long badUnits) {

    static FuzzedEvent refusedRequest(String kind, byte[] key, byte[] value) {
        return new FuzzedEvent(kind, false, key, value, true, 0, 0);
    }

    static FuzzedEvent refusedHealth(String kind, byte[] key, byte[] value) {
        return new FuzzedEvent(kind, true, key, value, true, 0, 0);
    }

    static FuzzedEvent counted(String kind, byte[] key, byte[] value, long goodUnits, long badUnits) {
        return new FuzzedEvent(kind, false, key, value, false, goodUnits, badUnits);
    }
}
