package dev.slopipeline.streams.reload;

import dev.slopipeline.definitions.model.DefinitionSet;
import dev.slopipeline.streams.classify.CoveredServices;
import dev.slopipeline.streams.classify.JourneyClassifier;

/**
 * The definitions in force, with what every event needs built once from them. Immutable and shared by
 * every stream task of the application.
 *
 * @param version grows by one each time the definitions in force change; processors compare it with
 *                the version they last built from
 */
public record DefinitionsSnapshot(long version, DefinitionSet definitions, JourneyClassifier classifier, CoveredServices coverage) {

    static DefinitionsSnapshot of(long version, DefinitionSet definitions) {
        return new DefinitionsSnapshot(version, definitions, JourneyClassifier.of(definitions), CoveredServices.of(definitions));
    }
}
