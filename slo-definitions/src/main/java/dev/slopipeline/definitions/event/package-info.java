/**
 * The input contract: request and health events as services emit them to Kafka, and the strict
 * codec that turns their bytes into records or into a reason for the dead-letter topic.
 *
 * <p>Wire rules that emitters rely on (mirrored by {@code schema/request-event.schema.json} and
 * {@code schema/health-event.schema.json} in this module's resources):
 * <ul>
 *   <li>One JSON object per record, UTF-8 (a leading UTF-8 byte order mark is tolerated), nothing
 *       but whitespace after it.</li>
 *   <li>Unknown top-level fields are accepted and ignored, so emitters can add fields before every
 *       consumer knows them; their content is only checked for well-formedness and nesting depth.</li>
 *   <li>{@code null} for an optional field means the field is absent; for a required field it is
 *       reported as missing.</li>
 *   <li>Integer fields follow JSON Schema: any number without a fractional part is an integer,
 *       so {@code 503.0} is accepted as {@code 503}.</li>
 *   <li>A field name may appear once per object.</li>
 * </ul>
 */
package dev.slopipeline.definitions.event;
