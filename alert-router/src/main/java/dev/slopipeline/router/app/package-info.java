/**
 * The alert router as a running app: {@link dev.slopipeline.router.app.RouterApp} creates the router's topics, runs
 * the routing topology on Kafka Streams (exactly once), the delivery service, and a JSON HTTP API on {@code kit.http}.
 *
 * <pre>
 *  slo.alerts ─► routing topology ─► router.notifications ─► delivery service ─► receivers
 *                  ▲ silences (global store) ◄─ router.silences        └────────► router.deliveries
 *                  └─ router.commands ◄─ POST/DELETE /api/v1/silences
 *  POST /api/v2/alerts ─► router.posted-alerts ─► routing topology (beside slo.alerts)
 * </pre>
 *
 * <h2>Endpoints</h2>
 * <ul>
 *   <li>{@code GET /healthz}: 200 unless the streams client or the delivery service stopped after a failure.</li>
 *   <li>{@code GET /readyz}: 200 once the streams client is RUNNING and the delivery service runs; 503 with the
 *       reasons otherwise.</li>
 *   <li>{@code GET /metrics}: every meter (pipeline, delivery, Kafka Streams) in the Prometheus text format.</li>
 *   <li>{@code GET /api/v1/silences}: {@code {"silences":[{"id","matchers","startsAt","endsAt","updatedAt",
 *       "createdBy","createdByToken","comment","status":{"state"}}]}}, from the global silences store, in
 *       Alertmanager's order (active, pending, expired).</li>
 *   <li>{@code POST /api/v1/silences} with {@code {"matchers":["slo=\"checkout\""],"startsAt"?,"endsAt",
 *       "createdBy","comment"}}: checked against the silence rules and limits (400 with {@code problems}, 422 over
 *       {@code router.silences.max}), then sent to {@code router.commands} under a fresh UUID with the name of the
 *       token that sent it; 202 {@code {"id"}} once applied, 422 if refused where it is applied
 *       ({@link dev.slopipeline.router.app.SilenceEndpoints}).</li>
 *   <li>{@code DELETE /api/v1/silences/{id}}: 202 once the expire command is on the broker; 404 for an unknown id.</li>
 *   <li>{@code GET /api/v1/deliveries/pending}: this instance's unfinished deliveries with attempts, receiver, next
 *       attempt and last error.</li>
 *   <li>{@code GET /api/v1/incidents?state=open|all}, {@code GET /api/v1/incidents/{id}} (with its timeline),
 *       {@code POST /api/v1/incidents/{id}/ack} and {@code .../resolve} with {@code {"by","comment"?}}: 202 once the
 *       command is on {@code router.incident-commands}, 404 unknown, 409 resolved ({@link
 *       dev.slopipeline.router.app.IncidentEndpoints}).</li>
 *   <li>{@code GET /ack/{token}}: a page's signed acknowledge link, no bearer token. GET only shows a confirmation
 *       page (so link previewers and mail scanners acknowledge nothing); its button POSTs to the same URL, which
 *       acknowledges. 403 (with a readable page) when expired or forged.</li>
 *   <li>{@code GET /api/v1/oncall?at=}: now and next per schedule; {@code GET /api/v1/oncall/report?from=&to=}: page
 *       load per person and schedule.</li>
 *   <li>{@code GET /api/v1/status/config}: the config file and its last reload ({@code successful}, {@code at},
 *       {@code lastSuccessAt}, {@code sha256}, {@code problems} as {@code file:line:col: message}).</li>
 *   <li>{@code POST /-/reload} (write): reloads the config file now; 200, or 400 with {@code problems} while the
 *       previous config stays live. The file is also checked for changes every few seconds.</li>
 *   <li>Alertmanager's API v2, for Prometheus, amtool and Grafana: {@code /-/healthy}, {@code /-/ready} (open);
 *       {@code GET /api/v2/alerts}, {@code /alerts/groups}, {@code /silences}, {@code /silence/{id}},
 *       {@code /status}, {@code /receivers} (read); {@code POST /api/v2/alerts} (onto {@code router.posted-alerts}),
 *       {@code POST /api/v2/silences}, {@code DELETE /api/v2/silence/{id}} (write). See
 *       {@link dev.slopipeline.router.app.AlertmanagerAlertIntake}, {@link dev.slopipeline.router.app.AlertmanagerAlerts},
 *       {@link dev.slopipeline.router.app.AlertmanagerSilences} and {@link dev.slopipeline.router.app.AlertmanagerStatus};
 *       their errors are a JSON string, as Alertmanager's.</li>
 * </ul>
 * Errors are {@code {"error": message, "status": code}}; a 500 says no more than an {@code errorId}, which the log
 * has with the exception. Request bodies are limited to 64 KiB, those of {@code POST /api/v2/alerts} to 1 MiB (413).
 *
 * <h2>What a reload changes</h2>
 * Routes, receivers, inhibition, time intervals and retries apply from the next alert or tick; so do users,
 * schedules, escalation policies, {@code paging} options (receivers that open incidents, contacts, the acknowledge
 * link secret and lifetime) and the heartbeat's {@code silent_after}, also for incidents already open (from their
 * next step). Removing the {@code heartbeat} section stops the watch and resolves a silence page. Some settings shape
 * the running process and take a restart: adding the {@code heartbeat} section, its {@code watch_topic}, its
 * {@code ping_url} and {@code ping_interval}.
 *
 * <h2>Tokens</h2>
 * {@code Authorization: Bearer <token>}, with the tokens of {@code router.api.token} (scope {@code write}, which
 * includes read), {@code router.api.read.token} (scope {@code read}) and {@code router.api.tokens.file} (named ones),
 * see {@link dev.slopipeline.router.app.RouterAppKeys}. {@link dev.slopipeline.router.app.ApiRoutes} is the one table
 * of endpoints and who may call each. Writes need a write token: without one configured every write is refused with
 * 403 (saying how to configure one); a missing or unknown token is 401, a read token on a write 403. The reads above
 * show people and operations, so they need a token as soon as any token is configured (or
 * {@code router.api.reads.need.token}); with none at all they are open and the router warns at start. Health,
 * readiness, metrics and signed links are always open.
 */
package dev.slopipeline.router.app;
