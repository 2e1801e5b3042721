/**
 * The streams app's HTTP endpoints on {@code kit.http} (GET only, JSON unless noted): {@code /healthz}, {@code /readyz},
 * {@code /metrics} (Prometheus text), and the SLO status API, which a web UI reads:
 *
 * <h2>{@code GET /api/v1/slos}</h2>
 * Every SLO's status, gathered from every instance:
 * <pre>{"slos":{"checkout-availability":{...status...},...},"unavailable":[]}</pre>
 * {@code slos} is sorted by name; {@code unavailable} names instances that did not answer (the listing
 * is then partial); 503 when none did.
 *
 * <h2>{@code GET /api/v1/slos/{name}}</h2>
 * One SLO's status, the same JSON as on the {@code slo.status} topic (fields documented in
 * {@code status.StatusCodec}; new fields may be added, none renamed):
 * <pre>
 * {"slo":"checkout-availability","service":"storefront","journey":"checkout",
 *  "asOf":"2026-11-23T10:04:00Z",                 event time the numbers are for
 *  "updatedAt":"2026-11-23T10:04:02.512Z",        wall clock when they were computed
 *  "objective":99.9,"window":{"rolling":"30d"},   or {"calendar":"month","timeZone":"Europe/Berlin"}
 *  "sli":0.99962,                                 absent without traffic in the SLO window
 *  "counts":{"unit":"events","from":"2026-10-24T10:00:00Z","good":99962,"bad":38,"events":100000},
 *  "burnRates":{"5m":35.2,"30m":12.0,"1h":20.1,...},   every tracked window, shortest first
 *  "budgetRemaining":0.83,                        share of the error budget left; negative once overspent
 *  "exhaustionAt":"2026-11-24T02:00:00Z",         absent when the budget outlasts the window
 *  "alerts":{"page":{"state":"firing","since":"...","pairs":["page-fast"]},"ticket":{"state":"ok"}},
 *                                                 state: firing | ok | no-data
 *  "pairs":[{"name":"page-fast","severity":"page","longWindow":"1h","shortWindow":"5m",
 *            "budgetPercent":2.0,"burnRateThreshold":14.4,"errorRatioThreshold":0.0144,"minEvents":0,
 *            "longBurnRate":20.1,"shortBurnRate":35.2,"holds":true},...],
 *  "lateEvents":0}
 * </pre>
 * 404 {@code {"error":..,"status":404}} for an SLO without status (unknown, or no event yet); 503 with
 * {@code Retry-After} while the instance that owns it cannot answer (a rebalance).
 *
 * <h2>{@code GET /api/v1/slos/{name}/history}</h2>
 * The SLO window as a chart, one point per bucket, computed from the window buckets where the SLO's
 * state lives (see {@code status.HistoryCodec}):
 * <pre>
 * {"slo":"checkout-availability","objective":99.9,"unit":"events","resolution":"1h",
 *  "from":"2026-10-24T10:00:00Z","asOf":"2026-11-23T10:04:00Z",
 *  "points":[{"start":"2026-10-24T10:00:00Z","end":"2026-10-24T11:00:00Z",
 *             "good":5997,"bad":3,"events":6000,"sli":0.9995,"budgetRemaining":0.5},...]}
 * </pre>
 * Per point, {@code good}, {@code bad}, {@code events} are that bucket's counts; {@code sli} (null before
 * the first unit) and {@code budgetRemaining} are cumulative from {@code from} to the point's end.
 *
 * <p>Statuses live in the topology's store {@code slo-status}, partitioned like the SLOs: an instance
 * answers from its own store or asks the owner (its {@code application.server}) with {@code ?scope=local},
 * which answers from that instance's stores only.
 */
package dev.slopipeline.streams.http;
