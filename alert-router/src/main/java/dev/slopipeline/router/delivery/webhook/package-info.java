/**
 * The generic webhook channel: Alertmanager's webhook payload, version "4", so any tool that accepts
 * Alertmanager webhooks accepts ours.
 *
 * <h2>Payload</h2>
 * {@code POST <url>} with {@code Content-Type: application/json} and the fields of Alertmanager's
 * {@code webhook_config}: {@code version} ("4"), {@code groupKey}, {@code truncatedAlerts}, {@code status}
 * ({@code firing|resolved}), {@code receiver}, {@code groupLabels}, {@code commonLabels}, {@code commonAnnotations},
 * {@code externalURL} and {@code alerts[]} with {@code status}, {@code labels}, {@code annotations},
 * {@code startsAt}, {@code endsAt} ({@code "0001-01-01T00:00:00Z"} while firing, as Alertmanager sends Go's zero
 * time), {@code generatorURL} ({@code ""} when unknown) and {@code fingerprint}. Timestamps are RFC 3339 in UTC.
 * With {@code max_alerts} ({@code Target.maxAlerts}) above zero, only the first that many alerts are sent and
 * {@code truncatedAlerts} counts the rest. On failover the payload is unchanged: {@code receiver} stays the one the
 * route chose.
 *
 * <h2>Headers</h2>
 * <ul>
 *   <li>{@code Idempotency-Key}: the notification's key, identical on every retry, on the fallback receiver and after
 *       a restart. A receiver that has already processed a key answers 2xx and does nothing.</li>
 *   <li>{@code X-Slo-Signature: t=<unix seconds>,v1=<hex>} when the receiver has a secret, where {@code <hex>} is
 *       the lowercase hex HMAC-SHA256, keyed with the secret's UTF-8 bytes, of the ASCII text {@code <t>}, a dot
 *       {@code .}, then the exact body bytes.</li>
 * </ul>
 *
 * <h2>Verifying a request (receiver side)</h2>
 * <ol>
 *   <li>Split the header on {@code ,} into {@code key=value} pairs; take {@code t} and every {@code v1}
 *       (unknown keys are ignored so that other schemes can be added later).</li>
 *   <li>Recompute the HMAC over {@code t + "." + rawBody} <em>before</em> parsing the JSON, and compare with a
 *       constant-time comparison (e.g. {@code MessageDigest.isEqual}); reject on mismatch.</li>
 *   <li>Reject when {@code |now - t|} exceeds a tolerance (5 minutes is reasonable): a captured request cannot be
 *       replayed later, because changing {@code t} breaks the HMAC.</li>
 *   <li>Within the tolerance, drop repeats by {@code Idempotency-Key} (keep keys for at least the tolerance).</li>
 * </ol>
 * Every attempt is signed afresh with the time it is sent, so a retry an hour later is not rejected as stale.
 */
package dev.slopipeline.router.delivery.webhook;
