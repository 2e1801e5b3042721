package dev.slopipeline.streams.evaluate;

import java.util.List;

/**
 * The outcome of evaluating one SLO once.
 *
 * @param transitions what to publish, in severity order (page, ticket, notify); usually none
 * @param states what to store for the next evaluation
 */
public record Evaluation(List<AlertTransition> transitions, AlertStates states) {

    public Evaluation {
        transitions = List.copyOf(transitions);
    }
}
