package dev.slopipeline.streams.publish;

import dev.slopipeline.definitions.publish.DefinitionChanges;
import dev.slopipeline.definitions.publish.DefinitionRecord;
import java.util.List;

/**
 * @param changes how the set differs from what the topic held before
 * @param written the records sent in one transaction; empty on a dry run or when nothing changed
 */
public record ApplyResult(DefinitionChanges changes, List<DefinitionRecord> written) {

    public ApplyResult {
        written = List.copyOf(written);
    }
}
